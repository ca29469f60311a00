import { ACCOUNTS } from '../support/demo-accounts';
import { TestApp, outcome, startTestApp } from '../support/test-app';
import { SIGN_IN, gqlFrom } from './support';

const DEMO_PASSWORD = 'Majlis-demo-2026';

/**
 * Sign-in is throttled per (client, e-mail) and per e-mail, with delays that double, so that one attacker's
 * failures never lock out a person who has the right password and signs in from another client, nor the other
 * people behind the attacker's address (a load balancer, a company's NAT).
 */
describe('sign-in throttling per client and per e-mail', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({ env: { TRUST_PROXY: 'true', SIGN_IN_FIRST_DELAY_SECONDS: '60' } });
  });
  afterAll(() => app.close());

  const signIn = (client: string, email: string, password: string) =>
    gqlFrom(app, client, SIGN_IN, { input: { email, password } });

  it('never locks the account’s owner on another client, nor other people behind the attacker’s address', async () => {
    const attacker = '198.51.100.7';
    const answers: string[] = [];
    for (let attempt = 0; attempt < 6; attempt++)
      answers.push(outcome(await signIn(attacker, ACCOUNTS.companyMember, `guess number ${attempt}`)));
    expect(answers).toEqual([
      'UNAUTHENTICATED',
      'UNAUTHENTICATED',
      'UNAUTHENTICATED',
      ...Array(3).fill('RATE_LIMITED'),
    ]);
    // Even the right password is refused on the attacker's client while it waits: the throttle is no oracle.
    expect(outcome(await signIn(attacker, ACCOUNTS.companyMember, DEMO_PASSWORD))).toBe('RATE_LIMITED');

    // The owner, from their own client, signs in.
    expect(outcome(await signIn('203.0.113.9', ACCOUNTS.companyMember, DEMO_PASSWORD))).toBe('OK');

    // The attacker sprays many addresses from one client; a colleague behind the same address still signs in.
    for (let attempt = 0; attempt < 55; attempt++)
      await signIn(attacker, `sprayed-${attempt}@example.ma`, 'a sprayed passphrase');
    expect(outcome(await signIn(attacker, ACCOUNTS.federationMember, DEMO_PASSWORD))).toBe('OK');
  });

  it('doubles the wait for a client that keeps failing on one e-mail, and forgets it after a success', async () => {
    const client = '198.51.100.8';
    const email = ACCOUNTS.federationRepresentative;
    for (let attempt = 0; attempt < 3; attempt++) await signIn(client, email, `guess number ${attempt}`);
    const waits: number[] = [];
    for (let round = 0; round < 3; round++) {
      const limited = await signIn(client, email, 'yet another guess');
      expect(outcome(limited)).toBe('RATE_LIMITED');
      const wait = limited.errors![0].extensions['retryAfterSeconds'] as number;
      waits.push(wait);
      app.clock.advance((wait + 1) * 1000);
      expect(outcome(await signIn(client, email, `guess after round ${round}`))).toBe('UNAUTHENTICATED');
    }
    expect(waits[0]).toBeGreaterThan(0);
    expect(waits[1]).toBeGreaterThan(waits[0]);
    expect(waits[2]).toBeGreaterThan(waits[1]);

    const last = await signIn(client, email, DEMO_PASSWORD);
    expect(outcome(last)).toBe('RATE_LIMITED');
    app.clock.advance(((last.errors![0].extensions['retryAfterSeconds'] as number) + 1) * 1000);
    expect(outcome(await signIn(client, email, DEMO_PASSWORD))).toBe('OK');
    // After a success the client starts afresh: one slip is not punished.
    expect(outcome(await signIn(client, email, 'a slip of the finger'))).toBe('UNAUTHENTICATED');
    expect(outcome(await signIn(client, email, DEMO_PASSWORD))).toBe('OK');
  });

  it('slows every client that failed on an e-mail attacked from many clients, but not a new one', async () => {
    const email = ACCOUNTS.otherRepresentative;
    for (let client = 1; client <= 12; client++)
      expect(outcome(await signIn(`192.0.2.${client}`, email, `distributed guess ${client}`))).toBe('UNAUTHENTICATED');
    // Each of those clients failed only once, yet now waits: the e-mail as a whole is under attack.
    const again = await signIn('192.0.2.1', email, DEMO_PASSWORD);
    expect(outcome(again)).toBe('RATE_LIMITED');
    expect(again.errors![0].extensions['retryAfterSeconds']).toBeGreaterThan(0);
    // The owner on a client of their own is not locked out by the others' failures.
    expect(outcome(await signIn('203.0.113.50', email, DEMO_PASSWORD))).toBe('OK');
  });

  it('keeps the counts in PostgreSQL, shared by every instance', async () => {
    const { rows } = await app.db.query(`SELECT count(*)::int AS n FROM sign_in_throttle`);
    expect(rows[0].n).toBeGreaterThan(0);
  });
});
