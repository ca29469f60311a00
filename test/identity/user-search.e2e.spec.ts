import { ACCOUNTS } from '../support/demo-accounts';
import { TestApp, outcome, startTestApp } from '../support/test-app';
import { ACCEPT, INVITE, organizationId } from './support';

/** The staff's people search (`users`): who may search, what matches, bad input, and paging. */
const USERS = `query($filter: UserFilter, $first: Int, $after: String) {
  users(filter: $filter, first: $first, after: $after) {
    totalCount
    edges { cursor node { id displayName email platformRole status } }
    pageInfo { hasNextPage endCursor }
  }
}`;

interface UsersData {
  users: {
    totalCount: number;
    edges: { cursor: string; node: { id: string; displayName: string; email: string | null; status: string } }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}

describe('user search (platform staff)', () => {
  let app: TestApp;
  const tokens: Record<string, string | undefined> = {};
  let arabicEmail: string;
  let suspendedId: string;

  async function join(displayName: string, email: string): Promise<{ id: string; token: string }> {
    const atlas = await organizationId(app, 'Atlas');
    const invited = await app.gql<{ inviteMember: { token: string } }>(
      INVITE,
      { input: { organizationId: atlas, email, role: 'MEMBER' } },
      tokens.admin,
    );
    const accepted = await app.gql<{ acceptInvitation: { user: { id: string } } }>(ACCEPT, {
      input: { token: invited.data!.inviteMember.token, password: 'a long enough passphrase', displayName },
    });
    if (!accepted.data) throw new Error(JSON.stringify(accepted.errors));
    return {
      id: accepted.data.acceptInvitation.user.id,
      token: (await app.signIn(email, 'a long enough passphrase')).accessToken,
    };
  }

  beforeAll(async () => {
    app = await startTestApp();
    tokens.admin = (await app.signIn(ACCOUNTS.admin)).accessToken;
    tokens.moderator = (await app.signIn(ACCOUNTS.moderator)).accessToken;
    tokens.member = (await app.signIn(ACCOUNTS.companyMember)).accessToken;
    tokens.representative = (await app.signIn(ACCOUNTS.companyRepresentative)).accessToken;
    arabicEmail = 'ahmed.idrissi@example.ma';
    await join('أحمد الإدريسي', arabicEmail);
    await join('Zoé 100% Ünïcode_name', 'zoe@example.ma');
    const suspended = await join('Suspended Sam', 'sam@example.ma');
    suspendedId = suspended.id;
    tokens.suspended = suspended.token;
    const moderated = await app.gql(
      `mutation($input: ModerateUserInput!) { moderateUser(input: $input) { user { status } } }`,
      { input: { userId: suspendedId, action: 'SUSPEND', reason: 'Spam in the public space' } },
      tokens.moderator,
    );
    expect(outcome(moderated)).toBe('OK');
  });
  afterAll(() => app.close());

  it.each([
    ['admin', 'OK'],
    ['moderator', 'OK'],
    ['representative', 'FORBIDDEN'],
    ['member', 'FORBIDDEN'],
    ['suspended', 'UNAUTHENTICATED'],
    ['anonymous', 'UNAUTHENTICATED'],
  ])('as %s → %s', async (role, expected) => {
    const response = await app.gql(USERS, { filter: { text: 'Sam' } }, tokens[role]);
    expect(outcome(response)).toBe(expected);
    if (expected === 'OK') {
      expect((response.data as unknown as UsersData).users.edges.map((edge) => edge.node.id)).toEqual([suspendedId]);
    } else {
      expect(response.data).toBeNull();
    }
  });

  it('finds Arabic names whatever the alef or hamza form typed, and shows staff the e-mail', async () => {
    for (const text of ['احمد', 'أحمد', 'الادريسي']) {
      const response = await app.gql<UsersData>(USERS, { filter: { text } }, tokens.moderator);
      expect(response.data!.users.edges.map((edge) => edge.node.displayName)).toEqual(['أحمد الإدريسي']);
      expect(response.data!.users.edges[0].node.email).toBe(arabicEmail);
    }
  });

  it('matches part of an e-mail address, case-insensitively, and accents in names', async () => {
    const byEmail = await app.gql<UsersData>(USERS, { filter: { text: 'AHMED.IDR' } }, tokens.admin);
    expect(byEmail.data!.users.edges.map((edge) => edge.node.email)).toEqual([arabicEmail]);
    const byAccent = await app.gql<UsersData>(USERS, { filter: { text: 'zoe' } }, tokens.admin);
    expect(byAccent.data!.users.edges.map((edge) => edge.node.displayName)).toEqual(['Zoé 100% Ünïcode_name']);
  });

  it('takes %, _ and \\ literally, never as patterns', async () => {
    const percent = await app.gql<UsersData>(USERS, { filter: { text: '%' } }, tokens.admin);
    expect(percent.data!.users.edges.map((edge) => edge.node.displayName)).toEqual(['Zoé 100% Ünïcode_name']);
    const underscore = await app.gql<UsersData>(USERS, { filter: { text: 'e_n' } }, tokens.admin);
    expect(underscore.data!.users.edges.map((edge) => edge.node.displayName)).toEqual(['Zoé 100% Ünïcode_name']);
    const backslash = await app.gql<UsersData>(USERS, { filter: { text: '\\' } }, tokens.admin);
    expect(backslash.data!.users.totalCount).toBe(0);
  });

  it('filters by status and platform role', async () => {
    const suspended = await app.gql<UsersData>(USERS, { filter: { status: 'SUSPENDED' } }, tokens.admin);
    expect(suspended.data!.users.edges.map((edge) => edge.node.id)).toEqual([suspendedId]);
    const admins = await app.gql<UsersData>(USERS, { filter: { platformRole: 'ADMIN' } }, tokens.admin);
    expect(admins.data!.users.edges.map((edge) => edge.node.email)).toContain(ACCOUNTS.admin);
    expect(admins.data!.users.edges.every((edge) => edge.node.email !== ACCOUNTS.moderator)).toBe(true);
  });

  it('pages by name with cursors, without gaps or repeats', async () => {
    const all = await app.gql<UsersData>(USERS, { first: 100 }, tokens.admin);
    const expected = all.data!.users.edges.map((edge) => edge.node.id);
    expect(expected.length).toBe(all.data!.users.totalCount);
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: { data: UsersData | null } = await app.gql<UsersData>(USERS, { first: 3, after }, tokens.admin);
      seen.push(...page.data!.users.edges.map((edge) => edge.node.id));
      if (!page.data!.users.pageInfo.hasNextPage) break;
      after = page.data!.users.pageInfo.endCursor;
    }
    expect(seen).toEqual(expected);
  });

  it('refuses bad input with BAD_USER_INPUT, never a server error', async () => {
    const tooLong = await app.gql(USERS, { filter: { text: 'ب'.repeat(101) } }, tokens.admin);
    expect(outcome(tooLong)).toBe('BAD_USER_INPUT');
    expect(tooLong.errors![0].message).toMatch(/100/);
    const huge = await app.gql(USERS, { filter: { text: 'x'.repeat(200_000) } }, tokens.admin);
    expect(huge.status).toBeLessThan(500);
    expect(['BAD_USER_INPUT', 'BAD_REQUEST']).toContain(outcome(huge));
    expect(outcome(await app.gql(USERS, { filter: { status: 'DELETED' } }, tokens.admin))).toBe('BAD_USER_INPUT');
    expect(outcome(await app.gql(USERS, { first: 1000 }, tokens.admin))).toBe('BAD_USER_INPUT');
    expect(outcome(await app.gql(USERS, { after: 'not-a-cursor' }, tokens.admin))).toBe('BAD_USER_INPUT');
    const blank = await app.gql(USERS, { filter: { text: '   ' } }, tokens.admin);
    expect(outcome(blank)).toBe('OK');
  });

  it('never lists deleted accounts', async () => {
    await app.db.query(`UPDATE users SET status = 'DELETED' WHERE id = $1`, [suspendedId]);
    try {
      const response = await app.gql<UsersData>(USERS, { filter: { text: 'Sam' } }, tokens.admin);
      expect(response.data!.users.totalCount).toBe(0);
    } finally {
      await app.db.query(`UPDATE users SET status = 'SUSPENDED' WHERE id = $1`, [suspendedId]);
    }
  });
});
