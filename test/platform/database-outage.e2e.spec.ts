import { PostgresProcess, startPostgresProcess } from '../support/postgres-process';
import { ACCOUNTS } from '../support/demo-accounts';
import { TestApp, outcome, startTestApp } from '../support/test-app';

/**
 * While the database is down, every request answers SERVICE_UNAVAILABLE (HTTP 503), never NOT_FOUND or a 500,
 * and the API serves again as soon as PostgreSQL is back. The suite runs on a PostgreSQL of its own that it stops.
 */
describe('database outage', () => {
  let postgres: PostgresProcess;
  let app: TestApp;
  let token: string;

  beforeAll(async () => {
    postgres = await startPostgresProcess('outage');
    app = await startTestApp({ adminUrl: postgres.url });
    token = (await app.signIn(ACCOUNTS.moderator)).accessToken;
  });
  afterAll(async () => {
    await app.close();
    await postgres.destroy();
  });

  it('answers 503 SERVICE_UNAVAILABLE while PostgreSQL is down, then recovers', async () => {
    const query = `{ me { id } documents { totalCount } organizations { totalCount } }`;
    expect(outcome(await app.gql(query, {}, token))).toBe('OK');
    await postgres.stop();
    try {
      for (const attempt of [
        await app.gql(query, {}, token),
        await app.gql(
          `query($id: ID!) { thread(id: $id) { id } }`,
          { id: '7d1c0a8e-7c5a-4b8e-9a55-0b7c1d2e3f40' },
          token,
        ),
        await app.gql(`mutation($input: SignInInput!) { signIn(input: $input) { accessToken } }`, {
          input: { email: ACCOUNTS.federationMember, password: 'Majlis-demo-2026' },
        }),
      ]) {
        expect(attempt.status).toBe(503);
        expect(attempt.errors!.map((error) => error.extensions.code)).toEqual(
          attempt.errors!.map(() => 'SERVICE_UNAVAILABLE'),
        );
        expect(attempt.errors![0].message).toMatch(/unavailable/i);
        expect(attempt.errors![0].extensions.reason).toBe('DATABASE_UNREACHABLE');
        expect(JSON.stringify(attempt.errors)).not.toMatch(/ECONNREFUSED|127\\.0\\.0\\.1|postgres/i);
      }
      const rest = await fetch(`${app.baseUrl}/me/personal-data`, { headers: { authorization: `Bearer ${token}` } });
      expect(rest.status).toBe(503);
      expect(await rest.json()).toEqual({
        error: { code: 'SERVICE_UNAVAILABLE', reason: 'DATABASE_UNREACHABLE', message: expect.any(String) },
      });
    } finally {
      await postgres.start();
    }
    const recovered = await app.gql(query, {}, token);
    expect(outcome(recovered)).toBe('OK');
    expect(recovered.status).toBe(200);
  });
});
