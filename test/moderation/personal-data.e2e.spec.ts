import { ACCOUNTS } from '../support/demo-accounts';
import { TestApp, outcome, startTestApp } from '../support/test-app';

describe('personal data: export and account deletion (law 09-08)', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  const download = async (token?: string) =>
    fetch(`${app.baseUrl}/me/personal-data`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

  it('gives a person everything held about them, and nobody else’s data', async () => {
    expect((await download()).status).toBe(401);
    const { accessToken } = await app.signIn(ACCOUNTS.federationMember);
    const response = await download(accessToken);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toContain('attachment');
    const data = (await response.json()) as Record<string, unknown> & {
      person: { email: string };
      annotations: { body: string }[];
      comments: { body: string }[];
      memberships: { organization: string }[];
    };
    expect(data.person.email).toBe(ACCOUNTS.federationMember);
    expect(Object.keys(data)).toEqual(
      expect.arrayContaining([
        'person',
        'memberships',
        'sessions',
        'annotations',
        'threads',
        'comments',
        'endorsements',
        'spaces',
        'reports',
        'securityEvents',
      ]),
    );
    expect(data.memberships.map((m) => m.organization)).toEqual(['Fédération Marocaine de l’Offshoring (exemple)']);
    // The sample data gives this member a question on the circular, a reply and an internal note.
    expect(data.annotations.map((a) => a.body)).toEqual(
      expect.arrayContaining([expect.stringContaining('Ce plafond est-il indexé')]),
    );
    expect(data.comments.length).toBeGreaterThan(0);
    const text = JSON.stringify(data);
    for (const other of [
      ACCOUNTS.companyMember,
      ACCOUNTS.federationRepresentative,
      'Claire Martin',
      'Youssef El Idrissi',
    ])
      expect(text).not.toContain(other);
    expect(text).not.toMatch(/password|token_hash|\$argon2/);
  });

  it('erases personal data on deletion, keeps the content signed “Former member”, and closes the account', async () => {
    const { accessToken, refreshToken } = await app.signIn(ACCOUNTS.federationMember);
    const { rows } = await app.db.query('SELECT id FROM users WHERE email = $1', [ACCOUNTS.federationMember]);
    const userId = rows[0].id;
    const annotations = (await app.db.query('SELECT id FROM annotations WHERE author_id = $1', [userId])).rows;
    expect(annotations.length).toBeGreaterThan(0);

    const remove = `mutation($input: DeleteMyAccountInput!) { deleteMyAccount(input: $input) { deleted } }`;
    expect(outcome(await app.gql(remove, { input: { password: 'wrong password' } }, accessToken))).toBe(
      'UNAUTHENTICATED',
    );
    expect((await app.gql(remove, { input: { password: 'Majlis-demo-2026' } }, accessToken)).data).toEqual({
      deleteMyAccount: { deleted: true },
    });

    const [user] = (await app.db.query('SELECT email, display_name, status FROM users WHERE id = $1', [userId])).rows;
    expect(user).toEqual({
      email: `deleted-${userId}@deleted.invalid`,
      display_name: 'Former member',
      status: 'DELETED',
    });
    expect(
      (await app.db.query('SELECT count(*)::int AS n FROM memberships WHERE user_id = $1', [userId])).rows[0].n,
    ).toBe(0);
    expect(
      (await app.db.query('SELECT count(*)::int AS n FROM endorsements WHERE user_id = $1', [userId])).rows[0].n,
    ).toBe(0);

    expect(outcome(await app.gql(`{ me { id } }`, {}, accessToken))).toBe('UNAUTHENTICATED');
    expect(
      outcome(
        await app.gql(`mutation($input: RefreshSessionInput!) { refreshSession(input: $input) { accessToken } }`, {
          input: { refreshToken },
        }),
      ),
    ).toBe('UNAUTHENTICATED');
    expect(
      outcome(
        await app.gql(
          `mutation { signIn(input: { email: "${ACCOUNTS.federationMember}", password: "Majlis-demo-2026" }) { accessToken } }`,
        ),
      ),
    ).toBe('UNAUTHENTICATED');

    const reader = (await app.signIn(ACCOUNTS.companyRepresentative)).accessToken;
    const read = await app.gql<{
      annotation: { bodyMarkdown: string; author: { displayName: string; email: string | null } };
    }>(
      `query($id: ID!) { annotation(id: $id) { bodyMarkdown author { displayName email } } }`,
      { id: annotations[0].id },
      reader,
    );
    expect(read.data!.annotation.author).toEqual({ displayName: 'Former member', email: null });
    expect(read.data!.annotation.bodyMarkdown.length).toBeGreaterThan(0);
    const kinds = (
      await app.db.query(`SELECT kind FROM audit_events WHERE subject_id = $1 ORDER BY sequence`, [userId])
    ).rows.map((row: { kind: string }) => row.kind);
    expect(kinds).toEqual(expect.arrayContaining(['PERSONAL_DATA_EXPORTED', 'ACCOUNT_DELETED']));
  });
});
