import { GraphQLResponse, TestApp } from '../support/test-app';

/** A GraphQL call from a given client address (the app trusts X-Forwarded-For when TRUST_PROXY is on). */
export async function gqlFrom<T = Record<string, unknown>>(
  app: TestApp,
  client: string,
  query: string,
  variables?: Record<string, unknown>,
  token?: string,
): Promise<GraphQLResponse<T>> {
  const response = await fetch(app.graphqlUrl, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-forwarded-for': client,
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T | null; errors?: GraphQLResponse<T>['errors'] };
  return { status: response.status, headers: response.headers, data: body.data ?? null, errors: body.errors };
}

export const SIGN_IN = `mutation($input: SignInInput!) { signIn(input: $input) { accessToken refreshToken } }`;
export const INVITE = `mutation($input: InviteMemberInput!) { inviteMember(input: $input) { token } }`;
export const ACCEPT = `mutation($input: AcceptInvitationInput!) { acceptInvitation(input: $input) { user { id } membership { id role } } }`;

/** Invites `email` into the organisation (as `token`'s holder) and returns the invitation's secret. */
export async function invite(
  app: TestApp,
  inviterToken: string,
  organizationId: string,
  email: string,
  role = 'MEMBER',
): Promise<string> {
  const invited = await app.gql<{ inviteMember: { token: string } }>(
    INVITE,
    { input: { organizationId, email, role } },
    inviterToken,
  );
  if (!invited.data) throw new Error(`invitation of ${email} failed: ${JSON.stringify(invited.errors)}`);
  return invited.data.inviteMember.token;
}

export async function organizationId(app: TestApp, acronymOrPrefix: string): Promise<string> {
  const { rows } = await app.db.query(`SELECT id FROM organizations WHERE acronym = $1 OR name LIKE $2 LIMIT 1`, [
    acronymOrPrefix,
    `${acronymOrPrefix}%`,
  ]);
  return rows[0].id;
}
