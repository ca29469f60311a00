import { ACCOUNTS } from '../support/demo-accounts';
import { TestApp, outcome, startTestApp } from '../support/test-app';
import { invite, organizationId } from './support';

const PENDING = `query($organizationId: ID!) { pendingInvitations(organizationId: $organizationId) {
  totalCount edges { node { id email role sentAt expiresAt } } } }`;
const RESEND = `mutation($input: InvitationIdInput!) { resendInvitation(input: $input) { token invitation { id sentAt expiresAt } } }`;
const REVOKE = `mutation($input: InvitationIdInput!) { revokeInvitation(input: $input) { invitation { id } } }`;
const PREVIEW = `query($token: String!) { invitationPreview(token: $token) { email role organizationName expiresAt } }`;
const ACCEPT = `mutation($input: AcceptInvitationInput!) { acceptInvitation(input: $input) { membership { role organization { name } } } }`;

type Pending = {
  pendingInvitations: { totalCount: number; edges: { node: { id: string; email: string; sentAt: string } }[] };
};

describe('invitations: pending list, preview, resend and revoke', () => {
  let app: TestApp;
  let fmo: string;
  let atlas: string;
  let representative: string;

  beforeAll(async () => {
    app = await startTestApp();
    fmo = await organizationId(app, 'FMO');
    atlas = await organizationId(app, 'Atlas');
    representative = (await app.signIn(ACCOUNTS.federationRepresentative)).accessToken;
  });
  afterAll(() => app.close());

  const pendingIds = async (token: string, organization = fmo) => {
    const response = await app.gql<Pending>(PENDING, { organizationId: organization }, token);
    return response.data?.pendingInvitations.edges.map((edge) => edge.node.email) ?? outcome(response);
  };

  it('lists pending invitations for the representatives and staff only', async () => {
    await invite(app, representative, fmo, 'pending.one@example.ma');
    await invite(app, representative, fmo, 'pending.two@example.ma');
    expect(await pendingIds(representative)).toEqual(['pending.one@example.ma', 'pending.two@example.ma']);
    expect(await pendingIds((await app.signIn(ACCOUNTS.moderator)).accessToken)).toEqual(
      expect.arrayContaining(['pending.one@example.ma']),
    );
    expect(await pendingIds((await app.signIn(ACCOUNTS.federationMember)).accessToken)).toBe('FORBIDDEN');
    expect(await pendingIds(representative, atlas)).toBe('FORBIDDEN');
  });

  it('previews a link without a session, then resending replaces the link and revoking withdraws it', async () => {
    const token = await invite(app, representative, fmo, 'resend.me@example.ma');
    const preview = await app.gql<{ invitationPreview: { organizationName: string; role: string } }>(PREVIEW, {
      token,
    });
    expect(preview.data?.invitationPreview).toEqual(
      expect.objectContaining({ email: 'resend.me@example.ma', role: 'MEMBER', organizationName: expect.any(String) }),
    );

    const listed = await app.gql<Pending>(PENDING, { organizationId: fmo }, representative);
    const id = listed.data!.pendingInvitations.edges.find((edge) => edge.node.email === 'resend.me@example.ma')!.node
      .id;
    app.clock.advance(60_000);
    const resent = await app.gql<{ resendInvitation: { token: string; invitation: { sentAt: string } } }>(
      RESEND,
      { input: { invitationId: id } },
      representative,
    );
    expect(outcome(resent)).toBe('OK');
    const newToken = resent.data!.resendInvitation.token;
    expect(newToken).not.toBe(token);
    expect(outcome(await app.gql(PREVIEW, { token }))).toBe('NOT_FOUND');
    expect(outcome(await app.gql(PREVIEW, { token: newToken }))).toBe('OK');

    const revoked = await app.gql(REVOKE, { input: { invitationId: id } }, representative);
    expect(outcome(revoked)).toBe('OK');
    expect(outcome(await app.gql(PREVIEW, { token: newToken }))).toBe('NOT_FOUND');
    const accepting = await app.gql(ACCEPT, {
      input: { token: newToken, displayName: 'Too Late', password: 'une phrase de passe solide' },
    });
    expect(outcome(accepting)).toBe('NOT_FOUND');
    expect(await pendingIds(representative)).not.toContain('resend.me@example.ma');
    expect(outcome(await app.gql(REVOKE, { input: { invitationId: id } }, representative))).toBe('CONFLICT');
    expect(outcome(await app.gql(RESEND, { input: { invitationId: id } }, representative))).toBe('CONFLICT');
  });

  it('hides other organisations’ invitations and keeps representatives’ invitations to staff', async () => {
    const moderator = (await app.signIn(ACCOUNTS.moderator)).accessToken;
    await invite(app, moderator, fmo, 'new.representative@example.ma', 'REPRESENTATIVE');
    await invite(app, moderator, atlas, 'atlas.newcomer@example.ma');
    const ids = async (organization: string) =>
      (await app.gql<Pending>(PENDING, { organizationId: organization }, moderator)).data!.pendingInvitations.edges;
    const representativeInvitation = (await ids(fmo)).find((e) => e.node.email === 'new.representative@example.ma')!;
    const atlasInvitation = (await ids(atlas)).find((e) => e.node.email === 'atlas.newcomer@example.ma')!;

    const forbidden = await app.gql(
      REVOKE,
      { input: { invitationId: representativeInvitation.node.id } },
      representative,
    );
    expect(outcome(forbidden)).toBe('FORBIDDEN');
    const hidden = await app.gql(RESEND, { input: { invitationId: atlasInvitation.node.id } }, representative);
    expect(outcome(hidden)).toBe('NOT_FOUND');
    const member = (await app.signIn(ACCOUNTS.federationMember)).accessToken;
    expect(outcome(await app.gql(REVOKE, { input: { invitationId: atlasInvitation.node.id } }, member))).toBe(
      'NOT_FOUND',
    );
    expect(outcome(await app.gql(REVOKE, { input: { invitationId: 'not-an-id' } }, representative))).toBe(
      'BAD_USER_INPUT',
    );
  });

  it('accepts a previewed link once, then says it was used; an expired link answers DEADLINE_PASSED', async () => {
    const token = await invite(app, representative, fmo, 'accept.me@example.ma');
    const accepted = await app.gql<{ acceptInvitation: { membership: { role: string } } }>(ACCEPT, {
      input: { token, displayName: 'Accept Me', password: 'une phrase de passe solide' },
    });
    expect(outcome(accepted)).toBe('OK');
    expect(outcome(await app.gql(PREVIEW, { token }))).toBe('CONFLICT');

    const late = await invite(app, representative, fmo, 'late.one@example.ma');
    app.clock.advance(200 * 3_600_000);
    expect(outcome(await app.gql(PREVIEW, { token: late }))).toBe('DEADLINE_PASSED');
    // Still listed (expired, to be resent); resending gives a working link again.
    const pending = (await app.gql<Pending>(PENDING, { organizationId: fmo }, representative)).data!;
    const id = pending.pendingInvitations.edges.find((edge) => edge.node.email === 'late.one@example.ma')!.node.id;
    const resent = await app.gql<{ resendInvitation: { token: string } }>(
      RESEND,
      { input: { invitationId: id } },
      representative,
    );
    expect(outcome(await app.gql(PREVIEW, { token: resent.data!.resendInvitation.token }))).toBe('OK');
  });
});
