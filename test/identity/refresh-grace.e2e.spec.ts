import { ACCOUNTS } from '../support/demo-accounts';
import { TestApp, outcome, startTestApp } from '../support/test-app';

const REFRESH = `mutation($input: RefreshSessionInput!) { refreshSession(input: $input) { accessToken refreshToken } }`;
const ME = `{ me { id } }`;

type Tokens = { accessToken: string; refreshToken: string };

/**
 * Two tabs refreshing the same token at once both get working tokens (a short grace window, as OAuth's guidance on
 * refresh-token rotation permits), while replaying a rotated token after the window still ends the whole session.
 */
describe('refresh-token rotation with a grace window', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({ env: { REFRESH_TOKEN_REUSE_GRACE_SECONDS: '20' } });
  });
  afterAll(() => app.close());

  const refresh = (refreshToken: string) => app.gql<{ refreshSession: Tokens }>(REFRESH, { input: { refreshToken } });

  it('answers parallel refreshes of one token with working tokens for each', async () => {
    const session = await app.signIn(ACCOUNTS.federationMember);
    const answers = await Promise.all([
      refresh(session.refreshToken),
      refresh(session.refreshToken),
      refresh(session.refreshToken),
    ]);
    expect(answers.map(outcome)).toEqual(['OK', 'OK', 'OK']);
    const issued = answers.map((answer) => answer.data!.refreshSession);
    expect(new Set(issued.map((tokens) => tokens.refreshToken)).size).toBe(3);
    for (const tokens of issued) {
      expect(outcome(await app.gql(ME, {}, tokens.accessToken))).toBe('OK');
      expect(outcome(await refresh(tokens.refreshToken))).toBe('OK');
    }
  });

  it('still revokes the whole family when a rotated token comes back after the window', async () => {
    const session = await app.signIn(ACCOUNTS.companyMember);
    const next = (await refresh(session.refreshToken)).data!.refreshSession;
    app.clock.advance(21_000);
    expect(outcome(await refresh(session.refreshToken))).toBe('UNAUTHENTICATED');
    expect(outcome(await app.gql(ME, {}, next.accessToken))).toBe('UNAUTHENTICATED');
    expect(outcome(await refresh(next.refreshToken))).toBe('UNAUTHENTICATED');
    const { rows } = await app.db.query(
      `SELECT s.revoked_reason FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.email = $1`,
      [ACCOUNTS.companyMember],
    );
    expect(rows).toEqual([{ revoked_reason: 'REFRESH_TOKEN_REUSED' }]);
  });

  it('gives nothing within the window once the session has ended', async () => {
    const session = await app.signIn(ACCOUNTS.companyRepresentative);
    const next = (await refresh(session.refreshToken)).data!.refreshSession;
    await app.gql(`mutation { signOut { signedOut } }`, {}, next.accessToken);
    expect(outcome(await refresh(session.refreshToken))).toBe('UNAUTHENTICATED');
  });
});
