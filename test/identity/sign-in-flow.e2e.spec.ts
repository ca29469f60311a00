import { ACCOUNTS } from '../support/demo-accounts';
import { TestApp, outcome, startTestApp } from '../support/test-app';

const SIGN_IN = `mutation($input: SignInInput!) { signIn(input: $input) { accessToken refreshToken user { id email } } }`;
const REFRESH = `mutation($input: RefreshSessionInput!) { refreshSession(input: $input) { accessToken refreshToken } }`;
const ME = `{ me { id displayName email locale platformRole memberships { role organization { name } } } }`;
const INVITE = `mutation($input: InviteMemberInput!) { inviteMember(input: $input) { token invitation { id email role expiresAt } } }`;
const ACCEPT = `mutation($input: AcceptInvitationInput!) { acceptInvitation(input: $input) { user { id displayName } membership { role } } }`;
const FMO = `{ organizations(filter: { search: "FMO" }) { edges { node { id } } } }`;

describe('sign-in flow: invitation → accept → sign in → me → refresh → reuse → sign out', () => {
  let app: TestApp;
  let federationId: string;
  let representativeToken: string;

  beforeAll(async () => {
    // A first wait long enough that a slow machine never sees it pass between two steps (the clock is moved instead).
    app = await startTestApp({ env: { SIGN_IN_FIRST_DELAY_SECONDS: '60' } });
    representativeToken = (await app.signIn(ACCOUNTS.federationRepresentative)).accessToken;
    const found = await app.gql<{ organizations: { edges: { node: { id: string } }[] } }>(FMO, {}, representativeToken);
    federationId = found.data!.organizations.edges[0].node.id;
  });
  afterAll(() => app.close());

  it('takes a new member from invitation to a working session, then rotates and revokes tokens', async () => {
    const invited = await app.gql<{ inviteMember: { token: string; invitation: { email: string; role: string } } }>(
      INVITE,
      { input: { organizationId: federationId, email: '  Amina.Alaoui@Example.MA ', role: 'MEMBER' } },
      representativeToken,
    );
    expect(outcome(invited)).toBe('OK');
    expect(invited.data!.inviteMember.invitation).toEqual(
      expect.objectContaining({ email: 'amina.alaoui@example.ma', role: 'MEMBER' }),
    );

    const accepted = await app.gql<{
      acceptInvitation: { user: { displayName: string }; membership: { role: string } };
    }>(ACCEPT, {
      input: {
        token: invited.data!.inviteMember.token,
        password: 'une phrase de passe solide',
        displayName: 'أمينة العلوي',
        locale: 'AR',
      },
    });
    expect(outcome(accepted)).toBe('OK');
    expect(accepted.data!.acceptInvitation).toEqual({
      user: expect.objectContaining({ displayName: 'أمينة العلوي' }),
      membership: { role: 'MEMBER' },
    });

    const signedIn = await app.gql<{ signIn: { accessToken: string; refreshToken: string; user: { email: string } } }>(
      SIGN_IN,
      {
        input: { email: 'AMINA.ALAOUI@example.ma', password: 'une phrase de passe solide' },
      },
    );
    expect(outcome(signedIn)).toBe('OK');
    expect(signedIn.data!.signIn.user.email).toBe('amina.alaoui@example.ma');
    const first = signedIn.data!.signIn;

    const me = await app.gql<{
      me: { displayName: string; locale: string; memberships: { role: string; organization: { name: string } }[] };
    }>(ME, {}, first.accessToken);
    expect(me.data!.me).toEqual(
      expect.objectContaining({
        displayName: 'أمينة العلوي',
        locale: 'AR',
        memberships: [{ role: 'MEMBER', organization: { name: 'Fédération Marocaine de l’Offshoring (exemple)' } }],
      }),
    );

    const refreshed = await app.gql<{ refreshSession: { accessToken: string; refreshToken: string } }>(REFRESH, {
      input: { refreshToken: first.refreshToken },
    });
    expect(outcome(refreshed)).toBe('OK');
    const second = refreshed.data!.refreshSession;
    expect(second.refreshToken).not.toBe(first.refreshToken);
    expect(outcome(await app.gql(ME, {}, second.accessToken))).toBe('OK');

    // Replaying the rotated token after the grace window for parallel tabs is taken as theft: the whole family is
    // revoked.
    app.clock.advance(21_000);
    const replay = await app.gql(REFRESH, { input: { refreshToken: first.refreshToken } });
    expect(outcome(replay)).toBe('UNAUTHENTICATED');
    expect(outcome(await app.gql(REFRESH, { input: { refreshToken: second.refreshToken } }))).toBe('UNAUTHENTICATED');
    expect(outcome(await app.gql(ME, {}, second.accessToken))).toBe('UNAUTHENTICATED');
    expect(outcome(await app.gql(ME, {}, first.accessToken))).toBe('UNAUTHENTICATED');

    // A new sign-in works; signing out ends that session's tokens at once.
    const again = await app.signIn('amina.alaoui@example.ma', 'une phrase de passe solide');
    expect(outcome(await app.gql(`mutation { signOut { signedOut } }`, {}, again.accessToken))).toBe('OK');
    expect(outcome(await app.gql(ME, {}, again.accessToken))).toBe('UNAUTHENTICATED');
    expect(outcome(await app.gql(REFRESH, { input: { refreshToken: again.refreshToken } }))).toBe('UNAUTHENTICATED');
  });

  it('refuses anonymous calls to guarded operations and malformed tokens', async () => {
    expect(outcome(await app.gql(ME))).toBe('UNAUTHENTICATED');
    expect(outcome(await app.gql(ME, {}, 'not-a-jwt'))).toBe('UNAUTHENTICATED');
    expect(outcome(await app.gql(REFRESH, { input: { refreshToken: 'garbage' } }))).toBe('UNAUTHENTICATED');
  });

  it('answers a wrong password and an unknown e-mail alike, then rate-limits both without telling them apart', async () => {
    const wrongPassword = await app.gql(SIGN_IN, {
      input: { email: ACCOUNTS.companyMember, password: 'wrong password here' },
    });
    const unknownEmail = await app.gql(SIGN_IN, {
      input: { email: 'nobody@nowhere.example', password: 'wrong password here' },
    });
    expect(outcome(wrongPassword)).toBe('UNAUTHENTICATED');
    expect(outcome(unknownEmail)).toBe('UNAUTHENTICATED');
    expect(wrongPassword.errors![0].message).toBe(unknownEmail.errors![0].message);

    for (let attempt = 0; attempt < 2; attempt++) {
      await app.gql(SIGN_IN, { input: { email: ACCOUNTS.companyMember, password: 'wrong password here' } });
      await app.gql(SIGN_IN, { input: { email: 'nobody@nowhere.example', password: 'wrong password here' } });
    }
    const lockedReal = await app.gql(SIGN_IN, {
      input: { email: ACCOUNTS.companyMember, password: 'Majlis-demo-2026' },
    });
    const lockedUnknown = await app.gql(SIGN_IN, { input: { email: 'nobody@nowhere.example', password: 'whatever' } });
    expect(outcome(lockedReal)).toBe('RATE_LIMITED');
    expect(outcome(lockedUnknown)).toBe('RATE_LIMITED');
    expect(lockedReal.errors![0].extensions['retryAfterSeconds']).toBeGreaterThan(0);

    // Once the lock has passed, the right password works again.
    app.clock.advance(16 * 60 * 1000);
    expect(
      outcome(await app.gql(SIGN_IN, { input: { email: ACCOUNTS.companyMember, password: 'Majlis-demo-2026' } })),
    ).toBe('OK');
  });

  it('stops a suspended person: their tokens die at once and they cannot sign in', async () => {
    const member = await app.signIn(ACCOUNTS.federationMember);
    const moderator = await app.signIn(ACCOUNTS.moderator);
    const me = await app.gql<{ me: { id: string } }>(ME, {}, member.accessToken);
    const suspended = await app.gql(
      `mutation($input: SuspendUserInput!) { suspendUser(input: $input) { user { status } } }`,
      { input: { userId: me.data!.me.id } },
      moderator.accessToken,
    );
    expect(suspended.data).toEqual({ suspendUser: { user: { status: 'SUSPENDED' } } });

    expect(outcome(await app.gql(ME, {}, member.accessToken))).toBe('UNAUTHENTICATED');
    expect(outcome(await app.gql(REFRESH, { input: { refreshToken: member.refreshToken } }))).toBe('UNAUTHENTICATED');
    expect(
      outcome(await app.gql(SIGN_IN, { input: { email: ACCOUNTS.federationMember, password: 'Majlis-demo-2026' } })),
    ).toBe('FORBIDDEN');

    await app.gql(
      `mutation($input: UserIdInput!) { reinstateUser(input: $input) { user { status } } }`,
      { input: { userId: me.data!.me.id } },
      moderator.accessToken,
    );
    expect(
      outcome(await app.gql(SIGN_IN, { input: { email: ACCOUNTS.federationMember, password: 'Majlis-demo-2026' } })),
    ).toBe('OK');
  });

  it('ends a suspension for a period by itself, at the first sign-in after it', async () => {
    const moderator = await app.signIn(ACCOUNTS.moderator);
    const { rows } = await app.db.query('SELECT id FROM users WHERE email = $1', [ACCOUNTS.companyRepresentative]);
    const until = new Date(app.clock.now().getTime() + 3 * 24 * 3600 * 1000);
    const suspended = await app.gql(
      `mutation($input: SuspendUserInput!) { suspendUser(input: $input) { user { status } } }`,
      { input: { userId: rows[0].id, until, reason: 'Propos injurieux' } },
      moderator.accessToken,
    );
    expect(suspended.data).toEqual({ suspendUser: { user: { status: 'SUSPENDED' } } });
    const signIn = { input: { email: ACCOUNTS.companyRepresentative, password: 'Majlis-demo-2026' } };
    expect(outcome(await app.gql(SIGN_IN, signIn))).toBe('FORBIDDEN');
    app.clock.advance(3 * 24 * 3600 * 1000 + 1000);
    expect(outcome(await app.gql(SIGN_IN, signIn))).toBe('OK');
    const { rows: events } = await app.db.query(
      `SELECT kind, details FROM audit_events WHERE subject_id = $1 ORDER BY sequence`,
      [rows[0].id],
    );
    expect(events.map((event: { kind: string }) => event.kind)).toEqual(['USER_SUSPENDED', 'USER_REINSTATED']);
    expect(events[0].details).toEqual({ until: until.toISOString(), reason: 'Propos injurieux' });
  });
});
