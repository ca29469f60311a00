import { ACCOUNTS } from '../support/demo-accounts';
import { TestApp, outcome, refusal, startTestApp } from '../support/test-app';
import { ACCEPT, SIGN_IN, invite, organizationId } from './support';

const ME = `{ me { id } }`;
const CHANGE = `mutation($input: ChangePasswordInput!) { changePassword(input: $input) { user { id } } }`;
const STRONG = 'un jardin de cèdres sous la neige';

/**
 * Every password check (sign-in, accepting an invitation for an existing account, changing one's password) goes
 * through one throttled path, answers never tell a registered e-mail from an unknown one, and new passwords
 * must be hard to guess.
 */
describe('password checks: one throttled path, no account enumeration, strength rules, password change', () => {
  let app: TestApp;
  let representative: string;
  let fmo: string;

  beforeAll(async () => {
    app = await startTestApp({ env: { SIGN_IN_FIRST_DELAY_SECONDS: '60' } });
    representative = (await app.signIn(ACCOUNTS.federationRepresentative)).accessToken;
    fmo = await organizationId(app, 'FMO');
  });
  afterAll(() => app.close());

  /** A new account, made through an invitation with a strong password. */
  async function newAccount(email: string, password = STRONG, displayName = 'Salma Idrissi'): Promise<void> {
    const token = await invite(app, (await app.signIn(ACCOUNTS.admin)).accessToken, fmo, email);
    const accepted = await app.gql(ACCEPT, { input: { token, password, displayName } });
    expect(outcome(accepted)).toBe('OK');
  }

  it('throttles password guesses through acceptInvitation like sign-in, even while the e-mail is locked', async () => {
    // A representative invites a registered address and then guesses its password through the invitation.
    const token = await invite(app, representative, fmo, ACCOUNTS.companyMember);
    const guesses: string[] = [];
    for (let attempt = 0; attempt < 8; attempt++) {
      const guess = await app.gql(ACCEPT, {
        input: { token, password: `guessed passphrase number ${attempt}`, displayName: 'Visitor' },
      });
      guesses.push(outcome(guess));
    }
    expect(guesses.slice(0, 3)).toEqual(['UNAUTHENTICATED', 'UNAUTHENTICATED', 'UNAUTHENTICATED']);
    expect(guesses.slice(3)).toEqual(Array(5).fill('RATE_LIMITED'));

    // The lock is the same one sign-in uses: sign-in is throttled too, and so is acceptance after sign-in failures.
    expect(
      outcome(await app.gql(SIGN_IN, { input: { email: ACCOUNTS.companyMember, password: 'Majlis-demo-2026' } })),
    ).toBe('RATE_LIMITED');
    const other = await invite(app, representative, fmo, ACCOUNTS.companyRepresentative);
    for (let attempt = 0; attempt < 3; attempt++) {
      await app.gql(SIGN_IN, { input: { email: ACCOUNTS.companyRepresentative, password: `wrong ${attempt}` } });
    }
    const whileLocked = await app.gql(ACCEPT, { input: { token: other, password: STRONG, displayName: 'Visitor' } });
    expect(outcome(whileLocked)).toBe('RATE_LIMITED');
    expect(whileLocked.errors![0].extensions['retryAfterSeconds']).toBeGreaterThan(0);
    // Nothing was accepted.
    const { rows } = await app.db.query(`SELECT count(*)::int AS n FROM invitations WHERE accepted_at IS NOT NULL`);
    expect(rows[0].n).toBe(0);
  });

  it('answers a registered and an unknown e-mail alike when accepting an invitation', async () => {
    await newAccount('registered.person@example.ma');
    const admin = (await app.signIn(ACCOUNTS.admin)).accessToken;
    const registered = await invite(app, admin, await organizationId(app, 'Atlas'), 'registered.person@example.ma');
    const unknown = await invite(app, representative, fmo, 'unknown.person@example.ma');
    for (const input of [
      { password: 'short', displayName: 'X' },
      { password: 'password1234', displayName: 'X' },
      { password: STRONG },
      { password: STRONG, displayName: '' },
    ]) {
      const [a, b] = [
        await app.gql(ACCEPT, { input: { token: registered, ...input } }),
        await app.gql(ACCEPT, { input: { token: unknown, ...input } }),
      ];
      expect(outcome(a)).toBe('BAD_USER_INPUT');
      expect(a.errors![0].message).toBe(b.errors![0].message);
      expect(a.errors![0].extensions).toEqual(b.errors![0].extensions);
    }
    // A wrong (strong) password for the registered address says what sign-in says, nothing about an account.
    const wrong = await app.gql(ACCEPT, {
      input: { token: registered, password: 'not the right passphrase at all', displayName: 'X' },
    });
    const signInWrong = await app.gql(SIGN_IN, {
      input: { email: 'nobody.at.all@example.ma', password: 'not the right passphrase at all' },
    });
    expect(refusal(wrong)).toBe('UNAUTHENTICATED/WRONG_PASSWORD');
    expect(refusal(signInWrong)).toBe('UNAUTHENTICATED/WRONG_PASSWORD');
    expect(wrong.errors![0].message).toBe(signInWrong.errors![0].message);
    expect(wrong.errors![0].message).not.toMatch(/exist/i);

    // With the right password, the existing account joins (and the name given is ignored).
    const joined = await app.gql<{ acceptInvitation: { membership: { role: string } } }>(ACCEPT, {
      input: { token: registered, password: STRONG, displayName: 'Ignored' },
    });
    expect(outcome(joined)).toBe('OK');
  });

  it('lets a signed-in invitee accept without a password, and only their own invitations', async () => {
    const token = await invite(app, representative, fmo, ACCOUNTS.otherRepresentative);
    const someoneElse = (await app.signIn(ACCOUNTS.moderator)).accessToken;
    expect(refusal(await app.gql(ACCEPT, { input: { token } }, someoneElse))).toBe(
      'FORBIDDEN/INVITATION_FOR_ANOTHER_EMAIL',
    );
    const invitee = (await app.signIn(ACCOUNTS.otherRepresentative)).accessToken;
    const accepted = await app.gql<{ acceptInvitation: { membership: { role: string } } }>(
      ACCEPT,
      { input: { token } },
      invitee,
    );
    expect(outcome(accepted)).toBe('OK');
    expect(accepted.data!.acceptInvitation.membership.role).toBe('MEMBER');
  });

  it('refuses weak passwords for new accounts: short, breached, guessable, the demo password, own name or e-mail', async () => {
    const token = await invite(app, representative, fmo, 'karim.benjelloun@example.ma');
    const rejected: Record<string, string> = {
      short: 'too short',
      'Majlis-demo-2026': 'the README’s demo password',
      qwerty123456: 'in the breached list',
      password1234: 'a common password with digits',
      aaaaaaaaaaaaaaaa: 'repetitive',
      'benjelloun-1987!': 'the person’s name',
      'karim.benjelloun': 'the e-mail address',
    };
    for (const password of Object.keys(rejected)) {
      const answer = await app.gql(ACCEPT, { input: { token, password, displayName: 'Karim Benjelloun' } });
      expect([password, outcome(answer)]).toEqual([password, 'BAD_USER_INPUT']);
      expect(answer.errors![0].extensions['fields']).toEqual({ password: expect.any(String) });
    }
    const accepted = await app.gql(ACCEPT, { input: { token, password: STRONG, displayName: 'Karim Benjelloun' } });
    expect(outcome(accepted)).toBe('OK');
    // The demo accounts keep their documented password (seeded directly, not through these rules).
    expect(outcome(await app.gql(SIGN_IN, { input: { email: ACCOUNTS.admin, password: 'Majlis-demo-2026' } }))).toBe(
      'OK',
    );
  });

  it('answers an anonymous acceptance that selects the organisation, as the person who just accepted', async () => {
    const token = await invite(app, representative, fmo, 'selects.organization@example.ma');
    const accepted = await app.gql<{
      acceptInvitation: { membership: { organization: { name: string } }; user: { email: string } };
    }>(
      `mutation($input: AcceptInvitationInput!) {
         acceptInvitation(input: $input) { user { email } membership { role organization { name } } }
       }`,
      { input: { token, password: STRONG, displayName: 'Nadia' } },
    );
    expect(outcome(accepted)).toBe('OK');
    expect(accepted.data!.acceptInvitation).toEqual({
      user: { email: 'selects.organization@example.ma' },
      membership: { role: 'MEMBER', organization: { name: 'Fédération Marocaine de l’Offshoring (exemple)' } },
    });
  });

  it('changes a password: checks the current one (throttled), applies the rules, ends other sessions, audits', async () => {
    const email = 'changes.password@example.ma';
    await newAccount(email, STRONG, 'Youssef Amrani');
    const here = await app.signIn(email, STRONG);
    const elsewhere = await app.signIn(email, STRONG);
    const newPassword = 'les oliviers de Meknès en automne';

    expect(outcome(await app.gql(CHANGE, { input: { currentPassword: STRONG, newPassword } }))).toBe('UNAUTHENTICATED');
    const weak = await app.gql(
      CHANGE,
      { input: { currentPassword: STRONG, newPassword: 'youssef-amrani' } },
      here.accessToken,
    );
    expect(outcome(weak)).toBe('BAD_USER_INPUT');
    expect(weak.errors![0].extensions['fields']).toEqual({ newPassword: expect.any(String) });

    const wrong = await app.gql(
      CHANGE,
      { input: { currentPassword: 'not my current passphrase', newPassword } },
      here.accessToken,
    );
    expect(outcome(wrong)).toBe('UNAUTHENTICATED');

    const changed = await app.gql(CHANGE, { input: { currentPassword: STRONG, newPassword } }, here.accessToken);
    expect(outcome(changed)).toBe('OK');
    expect(outcome(await app.gql(ME, {}, here.accessToken))).toBe('OK');
    expect(refusal(await app.gql(ME, {}, elsewhere.accessToken))).toBe('UNAUTHENTICATED/SESSION_ENDED');
    const refresh = `mutation($input: RefreshSessionInput!) { refreshSession(input: $input) { accessToken } }`;
    expect(outcome(await app.gql(refresh, { input: { refreshToken: elsewhere.refreshToken } }))).toBe(
      'UNAUTHENTICATED',
    );
    expect(outcome(await app.gql(refresh, { input: { refreshToken: here.refreshToken } }))).toBe('OK');
    expect(outcome(await app.gql(SIGN_IN, { input: { email, password: STRONG } }))).toBe('UNAUTHENTICATED');
    expect(outcome(await app.gql(SIGN_IN, { input: { email, password: newPassword } }))).toBe('OK');

    const { rows } = await app.db.query(
      `SELECT e.kind, e.actor_id::text = u.id::text AS by_self FROM audit_events e JOIN users u ON u.email = $1
        WHERE e.kind = 'PASSWORD_CHANGED' AND e.subject_id::text = u.id::text`,
      [email],
    );
    expect(rows).toEqual([{ kind: 'PASSWORD_CHANGED', by_self: true }]);
  });

  it('throttles wrong current passwords through the same path as sign-in', async () => {
    const email = 'guesses.current@example.ma';
    await newAccount(email);
    const session = await app.signIn(email, STRONG);
    const answers: string[] = [];
    for (let attempt = 0; attempt < 5; attempt++) {
      const answer = await app.gql(
        CHANGE,
        {
          input: { currentPassword: `guess number ${attempt} here`, newPassword: 'les oliviers de Meknès en automne' },
        },
        session.accessToken,
      );
      answers.push(outcome(answer));
    }
    expect(answers).toEqual(['UNAUTHENTICATED', 'UNAUTHENTICATED', 'UNAUTHENTICATED', 'RATE_LIMITED', 'RATE_LIMITED']);
    // The right current password is refused too while the lock lasts: the throttle is not an oracle.
    const right = await app.gql(
      CHANGE,
      { input: { currentPassword: STRONG, newPassword: 'les oliviers de Meknès en automne' } },
      session.accessToken,
    );
    expect(outcome(right)).toBe('RATE_LIMITED');
  });
});
