import { ACCOUNTS } from '../support/demo-accounts';
import { TestApp, outcome, startTestApp } from '../support/test-app';

const CREATE = `mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { organization { id name ice } } }`;
const INVITE = `mutation($input: InviteMemberInput!) { inviteMember(input: $input) { token } }`;
const ACCEPT = `mutation($input: AcceptInvitationInput!) { acceptInvitation(input: $input) { user { id } } }`;
const UPDATE = `mutation($input: UpdateOrganizationInput!) { updateOrganization(input: $input) { organization { name version } } }`;

/** Bad input answers a clear code (with per-field messages) and writes nothing. */
describe('bad input', () => {
  let app: TestApp;
  let moderator: string;
  let federationId: string;
  const TABLES = ['organizations', 'users', 'memberships', 'invitations', 'federation_affiliations'];

  async function snapshot(): Promise<Record<string, number>> {
    const counts: Record<string, number> = {};
    for (const table of TABLES)
      counts[table] = (await app.db.query(`SELECT count(*)::int AS n FROM ${table}`)).rows[0].n;
    return counts;
  }

  async function expectRejected(query: string, variables: Record<string, unknown>, code: string, field?: string) {
    const before = await snapshot();
    // Invitations are accepted anonymously (a signed-in caller may only accept their own).
    const result = await app.gql(query, variables, query === ACCEPT ? undefined : moderator);
    expect(outcome(result)).toBe(code);
    if (field) expect(result.errors![0].extensions['fields']).toHaveProperty([field]);
    expect(result.errors![0].message).not.toMatch(/SELECT|INSERT|violates|constraint|stack|at \w+ \(/i);
    expect(await snapshot()).toEqual(before);
    return result;
  }

  async function invite(email: string): Promise<string> {
    const result = await app.gql<{ inviteMember: { token: string } }>(
      INVITE,
      { input: { organizationId: federationId, email, role: 'MEMBER' } },
      moderator,
    );
    expect(outcome(result)).toBe('OK');
    return result.data!.inviteMember.token;
  }

  beforeAll(async () => {
    app = await startTestApp();
    moderator = (await app.signIn(ACCOUNTS.moderator)).accessToken;
    federationId = (await app.db.query(`SELECT id FROM organizations WHERE acronym = 'FMO'`)).rows[0].id;
  });
  afterAll(() => app.close());

  it.each([
    ['14 digits', '00152548700003'],
    ['16 digits', '0015254870000311'],
    ['letters', '00152548700003A'],
    ['spaces inside', '001525 87000031'],
  ])('refuses an ICE of %s', async (_case, ice) => {
    const result = await expectRejected(
      CREATE,
      { input: { kind: 'COMPANY', name: `Société ${ice}`, ice } },
      'BAD_USER_INPUT',
      'ice',
    );
    expect(result.errors![0].extensions['fields']).toEqual({ ice: expect.stringContaining('15 digits') });
  });

  it('requires an ICE for a company and refuses one elsewhere', async () => {
    await expectRejected(CREATE, { input: { kind: 'COMPANY', name: 'Sans ICE' } }, 'BAD_USER_INPUT', 'ice');
    await expectRejected(
      CREATE,
      { input: { kind: 'FEDERATION', name: 'Avec ICE', ice: '123456789012345' } },
      'BAD_USER_INPUT',
      'ice',
    );
  });

  it('answers CONFLICT for a duplicate ICE or name, whatever the case', async () => {
    await expectRejected(
      CREATE,
      { input: { kind: 'COMPANY', name: 'Doublon', ice: '001525487000031' } },
      'CONFLICT',
      'ice',
    );
    await expectRejected(
      CREATE,
      { input: { kind: 'INSTITUTION', name: 'ASSOCIATION DE LA RELATION CLIENT (EXEMPLE)' } },
      'CONFLICT',
      'name',
    );
  });

  it('refuses oversized, blank and multi-line names, and lists every bad field', async () => {
    await expectRejected(CREATE, { input: { kind: 'INSTITUTION', name: 'x'.repeat(201) } }, 'BAD_USER_INPUT', 'name');
    await expectRejected(CREATE, { input: { kind: 'INSTITUTION', name: '   ' } }, 'BAD_USER_INPUT', 'name');
    await expectRejected(CREATE, { input: { kind: 'INSTITUTION', name: 'two\nlines' } }, 'BAD_USER_INPUT', 'name');
    const many = await expectRejected(
      CREATE,
      { input: { kind: 'COMPANY', name: '', ice: 'abc', description: 'd'.repeat(2001) } },
      'BAD_USER_INPUT',
    );
    expect(Object.keys(many.errors![0].extensions['fields'] as object).sort()).toEqual(['description', 'ice', 'name']);
  });

  it('keeps Arabic, mixed-direction text and markup exactly as written', async () => {
    const name = 'الجمعية المغربية للترحيل — Offshoring <b>Maroc</b> 2030';
    const result = await app.gql<{ createOrganization: { organization: { name: string } } }>(
      CREATE,
      { input: { kind: 'INSTITUTION', name } },
      moderator,
    );
    expect(result.data!.createOrganization.organization.name).toBe(name);
    const found = await app.gql<{ organizations: { edges: { node: { name: string } }[] } }>(
      `query($search: String) { organizations(filter: { search: $search }) { edges { node { name } } } }`,
      { search: 'للترحيل' },
      moderator,
    );
    expect(found.data!.organizations.edges.map((edge) => edge.node.name)).toEqual([name]);
  });

  it('treats LIKE wildcards in a search as plain characters', async () => {
    const found = await app.gql<{ organizations: { totalCount: number } }>(
      `{ organizations(filter: { search: "%_%" }) { totalCount } }`,
      {},
      moderator,
    );
    expect(found.data!.organizations.totalCount).toBe(0);
  });

  it('refuses a malformed e-mail and a weak password', async () => {
    await expectRejected(
      INVITE,
      { input: { organizationId: federationId, email: 'not-an-email', role: 'MEMBER' } },
      'BAD_USER_INPUT',
      'email',
    );
    await expectRejected(
      INVITE,
      { input: { organizationId: federationId, email: `${'a'.repeat(250)}@x.ma`, role: 'MEMBER' } },
      'BAD_USER_INPUT',
      'email',
    );
    const token = await invite('weak.password@example.ma');
    for (const password of ['short', 'aaaaaaaaaaaaaaaa', 'password1234', 'x'.repeat(129)]) {
      await expectRejected(ACCEPT, { input: { token, password, displayName: 'Weak' } }, 'BAD_USER_INPUT', 'password');
    }
  });

  it('answers CONFLICT when the invitee is already a member, and for a reused invitation', async () => {
    await expectRejected(
      INVITE,
      { input: { organizationId: federationId, email: ACCOUNTS.federationMember, role: 'MEMBER' } },
      'CONFLICT',
      'email',
    );
    const token = await invite('once.only@example.ma');
    const first = await app.gql(ACCEPT, {
      input: { token, password: 'a long enough passphrase', displayName: 'Once' },
    });
    expect(outcome(first)).toBe('OK');
    await expectRejected(
      ACCEPT,
      { input: { token, password: 'a long enough passphrase', displayName: 'Twice' } },
      'CONFLICT',
    );
  });

  it('refuses an expired invitation with DEADLINE_PASSED, and an unknown token with NOT_FOUND', async () => {
    const token = await invite('late.comer@example.ma');
    app.clock.advance(8 * 24 * 3600 * 1000);
    await expectRejected(
      ACCEPT,
      { input: { token, password: 'a long enough passphrase', displayName: 'Late' } },
      'DEADLINE_PASSED',
    );
    await expectRejected(
      ACCEPT,
      { input: { token: 'unknown-token', password: 'a long enough passphrase', displayName: 'X' } },
      'NOT_FOUND',
    );
  });

  it('answers NOT_FOUND for unknown ids and BAD_USER_INPUT for malformed ones', async () => {
    expect(
      outcome(await app.gql(`{ organization(id: "7d1c0a8e-7c5a-4b8e-9a55-0b7c1d2e3f40") { id } }`, {}, moderator)),
    ).toBe('NOT_FOUND');
    const malformed = await app.gql(`{ organization(id: "42; DROP TABLE users") { id } }`, {}, moderator);
    expect(outcome(malformed)).toBe('BAD_USER_INPUT');
    expect(malformed.errors![0].extensions['fields']).toEqual({ id: 'is not a valid id' });
    await expectRejected(
      INVITE,
      { input: { organizationId: 'nope', email: 'a@b.ma', role: 'MEMBER' } },
      'BAD_USER_INPUT',
      'organizationId',
    );
    await expectRejected(
      `mutation { removeMembership(input: { membershipId: "7d1c0a8e-7c5a-4b8e-9a55-0b7c1d2e3f40" }) { membership { id } } }`,
      {},
      'NOT_FOUND',
    );
  });

  it('refuses bad page sizes and forged cursors', async () => {
    expect(outcome(await app.gql(`{ organizations(first: 1000) { totalCount } }`, {}, moderator))).toBe(
      'BAD_USER_INPUT',
    );
    expect(outcome(await app.gql(`{ organizations(first: -1) { totalCount } }`, {}, moderator))).toBe('BAD_USER_INPUT');
    expect(outcome(await app.gql(`{ organizations(after: "bm90IGEgY3Vyc29y") { totalCount } }`, {}, moderator))).toBe(
      'BAD_USER_INPUT',
    );
    expect(
      outcome(
        await app.gql(
          `{ organizations(after: "${Buffer.from('["x"]').toString('base64url')}") { totalCount } }`,
          {},
          moderator,
        ),
      ),
    ).toBe('BAD_USER_INPUT');
  });

  it('pages through organisations with opaque cursors, without gaps or repeats', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 20; page++) {
      const result: Awaited<
        ReturnType<
          typeof app.gql<{
            organizations: {
              edges: { node: { name: string } }[];
              pageInfo: { hasNextPage: boolean; endCursor: string };
            };
          }>
        >
      > = await app.gql(
        `query($after: String) { organizations(first: 4, after: $after) { edges { node { name } } pageInfo { hasNextPage endCursor } } }`,
        { after },
        moderator,
      );
      seen.push(...result.data!.organizations.edges.map((edge) => edge.node.name));
      if (!result.data!.organizations.pageInfo.hasNextPage) break;
      after = result.data!.organizations.pageInfo.endCursor;
    }
    const all = (await app.db.query('SELECT name FROM organizations ORDER BY name, id')).rows.map(
      (row: { name: string }) => row.name,
    );
    expect(seen).toEqual(all);
  });

  it('detects a stale edit, and lets exactly one of two concurrent edits win', async () => {
    const { rows } = await app.db.query(`SELECT id, version FROM organizations WHERE acronym = 'ARC'`);
    const [id, version] = [rows[0].id, rows[0].version];
    const results = await Promise.all(
      ['Première', 'Seconde'].map((description) => app.gql(UPDATE, { input: { id, version, description } }, moderator)),
    );
    expect(results.map(outcome).sort()).toEqual(['CONFLICT', 'OK']);
    const stale = await app.gql(UPDATE, { input: { id, version, name: 'Trop tard' } }, moderator);
    expect(outcome(stale)).toBe('CONFLICT');
    expect((await app.db.query('SELECT version FROM organizations WHERE id = $1', [id])).rows[0].version).toBe(
      version + 1,
    );
  });

  it('refuses a query past the depth limit before running it', async () => {
    const deep = `{ me { memberships { organization { federations { federations { federations { federations { federations { federations { federations { name } } } } } } } } } } }`;
    const result = await app.gql(deep, {}, moderator);
    expect(result.data).toBeNull();
    expect(outcome(result)).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(result.errors![0].message).toMatch(/depth/i);
  });

  it('refuses syntax errors and unknown fields with GraphQL codes, never a 500', async () => {
    const broken = await app.gql(`{ me { `, {}, moderator);
    expect(broken.status).toBe(400);
    expect(outcome(broken)).toBe('GRAPHQL_PARSE_FAILED');
    expect(outcome(await app.gql(`{ me { password } }`, {}, moderator))).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(
      outcome(await app.gql(`query($n: Int) { organizations(first: $n) { totalCount } }`, { n: 'many' }, moderator)),
    ).toBe('BAD_USER_INPUT');
  });
});
