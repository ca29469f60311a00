import { ACCOUNTS } from '../support/demo-accounts';
import { TestApp, outcome, startTestApp } from '../support/test-app';
import { faults, htmlPart, linkIn, mailsTo, outbox, rawMessage, retryNow, runJobs } from './support';

const REQUEST = `mutation($input: RequestPasswordResetInput!) { requestPasswordReset(input: $input) { requested } }`;
const RESET = `mutation($input: ResetPasswordInput!) { resetPassword(input: $input) { reset } }`;
const INVITE = `mutation($input: InviteMemberInput!) { inviteMember(input: $input) { invitation { id } } }`;
const ACCEPT = `mutation($input: AcceptInvitationInput!) { acceptInvitation(input: $input) { user { id email } } }`;
const SETTINGS = `{ notificationSettings { emailFrequency } }`;
const NEW_PASSWORD = 'Une phrase de passe toute neuve 2026';

/** E-mails: password reset, invitations, unsubscribe, and never twice after a crash. */
describe('e-mail', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  describe('password reset', () => {
    it('e-mails a single-use link that sets a new password and ends every session', async () => {
      const session = await app.signIn(ACCOUNTS.companyMember);
      expect(outcome(await app.gql(REQUEST, { input: { email: ACCOUNTS.companyMember.toUpperCase() } }))).toBe('OK');
      await runJobs(app);
      const [mail] = mailsTo(await outbox(app), ACCOUNTS.companyMember);
      expect(mail.kind).toBe('PASSWORD_RESET');
      // The token is nowhere in the database: only its hash, and the job carried the reset's id.
      const token = linkIn(app, mail, '/reset-password').searchParams.get('token')!;
      const stored = await app.db.query(`SELECT token_hash FROM password_resets`);
      expect(JSON.stringify(stored.rows)).not.toContain(token);

      expect(outcome(await app.gql(RESET, { input: { token, newPassword: NEW_PASSWORD } }))).toBe('OK');
      expect(outcome(await app.gql(`{ me { id } }`, {}, session.accessToken))).toBe('UNAUTHENTICATED');
      await app.signIn(ACCOUNTS.companyMember, NEW_PASSWORD);

      // Reused: refused, and the password stays the new one.
      const again = await app.gql(RESET, { input: { token, newPassword: `${NEW_PASSWORD} encore` } });
      expect(outcome(again)).toBe('CONFLICT');
      await app.signIn(ACCOUNTS.companyMember, NEW_PASSWORD);
    });

    it('refuses an expired link', async () => {
      await app.gql(REQUEST, { input: { email: ACCOUNTS.federationMember } });
      await runJobs(app);
      const [mail] = mailsTo(await outbox(app), ACCOUNTS.federationMember);
      const token = linkIn(app, mail, '/reset-password').searchParams.get('token')!;
      app.clock.advance(61 * 60_000);
      try {
        const result = await app.gql(RESET, { input: { token, newPassword: NEW_PASSWORD } });
        expect(outcome(result)).toBe('DEADLINE_PASSED');
      } finally {
        app.clock.advance(-61 * 60_000);
      }
      await app.signIn(ACCOUNTS.federationMember);
    });

    it('refuses a made-up token, and a weak new password without spending the link', async () => {
      expect(outcome(await app.gql(RESET, { input: { token: 'x'.repeat(43), newPassword: NEW_PASSWORD } }))).toBe(
        'NOT_FOUND',
      );
      await app.gql(REQUEST, { input: { email: ACCOUNTS.otherRepresentative } });
      await runJobs(app);
      const [mail] = mailsTo(await outbox(app), ACCOUNTS.otherRepresentative);
      const token = linkIn(app, mail, '/reset-password').searchParams.get('token')!;
      expect(outcome(await app.gql(RESET, { input: { token, newPassword: 'short' } }))).toBe('BAD_USER_INPUT');
      expect(outcome(await app.gql(RESET, { input: { token, newPassword: NEW_PASSWORD } }))).toBe('OK');
    });

    it('answers an unknown address exactly like a known one, sends nothing, and throttles both alike', async () => {
      const unknown = 'personne@nulle-part.example';
      const known = ACCOUNTS.companyRepresentative;
      const answers = [];
      for (let attempt = 0; attempt < 4; attempt += 1) {
        const forUnknown = await app.gql(REQUEST, { input: { email: unknown } });
        const forKnown = await app.gql(REQUEST, { input: { email: known } });
        answers.push([forUnknown, forKnown]);
      }
      for (const [forUnknown, forKnown] of answers) {
        expect(forUnknown.status).toBe(forKnown.status);
        expect(forUnknown.data).toEqual(forKnown.data);
        expect(forUnknown.errors?.map((error) => [error.message, error.extensions])).toEqual(
          forKnown.errors?.map((error) => [error.message, error.extensions]),
        );
      }
      // Three requests an hour per address, then RATE_LIMITED, for both.
      expect(answers.map(([forUnknown]) => outcome(forUnknown))).toEqual(['OK', 'OK', 'OK', 'RATE_LIMITED']);
      await runJobs(app);
      const mails = await outbox(app);
      expect(mailsTo(mails, unknown)).toHaveLength(0);
      // One link per account at a time: later requests replace the waiting job.
      expect(mailsTo(mails, known).length).toBeGreaterThanOrEqual(1);
    });
  });

  describe('invitations', () => {
    it('e-mails the invitation, in the inviter’s language when the invitee has no account, and it is accepted from the link', async () => {
      const moderator = (await app.signIn(ACCOUNTS.moderator)).accessToken;
      const { rows } = await app.db.query(`SELECT id FROM organizations WHERE acronym = 'FMO'`);
      const email = 'nouvelle.recrue@fmo.example';
      const invited = await app.gql(
        INVITE,
        { input: { organizationId: rows[0].id, email, role: 'MEMBER' } },
        moderator,
      );
      expect(outcome(invited)).toBe('OK');
      await runJobs(app);
      const [mail] = mailsTo(await outbox(app), email);
      expect(mail.kind).toBe('INVITATION');
      expect(mail.subject).toContain('Invitation');
      const link = linkIn(app, mail, '/invitations/accept');
      const accepted = await app.gql<{ acceptInvitation: { user: { email: string } } }>(ACCEPT, {
        input: { token: link.searchParams.get('token'), displayName: 'Nouvelle Recrue', password: NEW_PASSWORD },
      });
      expect(outcome(accepted)).toBe('OK');
      expect(accepted.data!.acceptInvitation.user.email).toBe(email);
      await app.signIn(email, NEW_PASSWORD);
    });

    it('e-mails a resent invitation with a new link (the old one stops working), and nothing once withdrawn', async () => {
      const moderator = (await app.signIn(ACCOUNTS.moderator)).accessToken;
      const { rows } = await app.db.query(`SELECT id FROM organizations WHERE acronym = 'FMO'`);
      const email = 'relance@fmo.example';
      const invited = await app.gql<{ inviteMember: { invitation: { id: string } } }>(
        INVITE,
        { input: { organizationId: rows[0].id, email, role: 'MEMBER' } },
        moderator,
      );
      const invitationId = invited.data!.inviteMember.invitation.id;
      await runJobs(app);
      const first = linkIn(app, mailsTo(await outbox(app), email)[0], '/invitations/accept');
      app.clock.advance(1000);
      const resent = await app.gql(
        `mutation($input: InvitationIdInput!) { resendInvitation(input: $input) { invitation { id } } }`,
        { input: { invitationId } },
        moderator,
      );
      expect(outcome(resent)).toBe('OK');
      await runJobs(app);
      const mails = mailsTo(await outbox(app), email);
      expect(mails).toHaveLength(2);
      const second = linkIn(app, mails[0], '/invitations/accept');
      expect(second.searchParams.get('token')).not.toBe(first.searchParams.get('token'));
      const old = await app.gql(ACCEPT, {
        input: { token: first.searchParams.get('token'), displayName: 'Relance', password: NEW_PASSWORD },
      });
      expect(outcome(old)).toBe('NOT_FOUND');

      await app.gql(
        `mutation($input: InvitationIdInput!) { resendInvitation(input: $input) { invitation { id } } }`,
        { input: { invitationId } },
        moderator,
      );
      await app.gql(
        `mutation($input: InvitationIdInput!) { revokeInvitation(input: $input) { invitation { id } } }`,
        { input: { invitationId } },
        moderator,
      );
      await runJobs(app);
      expect(mailsTo(await outbox(app), email)).toHaveLength(2);
    });

    it('sends nothing for an invitation rolled back with its write', async () => {
      const before = (await outbox(app)).length;
      const moderator = (await app.signIn(ACCOUNTS.moderator)).accessToken;
      // Already a member: the invitation is refused, so no job exists and nothing is sent.
      const { rows } = await app.db.query(`SELECT id FROM organizations WHERE acronym = 'FMO'`);
      const refused = await app.gql(
        INVITE,
        { input: { organizationId: rows[0].id, email: ACCOUNTS.federationMember, role: 'MEMBER' } },
        moderator,
      );
      expect(outcome(refused)).toBe('CONFLICT');
      await runJobs(app);
      expect(await outbox(app)).toHaveLength(before);
    });
  });

  describe('every e-mail', () => {
    it('is multipart text and HTML in the person’s language, right-to-left in Arabic, with one-click unsubscribe', async () => {
      // The federation's member reads Arabic.
      await app.gql(REQUEST, { input: { email: ACCOUNTS.federationMember } });
      await runJobs(app);
      const [mail] = mailsTo(await outbox(app), ACCOUNTS.federationMember);
      const raw = rawMessage(app, mail);
      expect(raw).toMatch(/Content-Type: multipart\/alternative/i);
      expect(raw).toMatch(/Content-Type: text\/plain; charset=utf-8/i);
      expect(raw).toMatch(/Content-Type: text\/html; charset=utf-8/i);
      expect(raw).toMatch(/List-Unsubscribe:\s+<http[^>]+\/unsubscribe\?token=/);
      expect(raw).toMatch(/List-Unsubscribe-Post: List-Unsubscribe=One-Click/);
      expect(mail.subject).toBe('إعادة تعيين كلمة مرور مجلس');
      const html = htmlPart(raw);
      expect(html).toContain('<html lang="ar" dir="rtl">');
      expect(html).toContain('اختيار كلمة مرور جديدة');
    });

    it('unsubscribes with the signed link, by POST only, and refuses a forged one', async () => {
      const token = (await app.signIn(ACCOUNTS.federationMember)).accessToken;
      const [mail] = mailsTo(await outbox(app), ACCOUNTS.federationMember);
      const link = linkIn(app, mail, '/unsubscribe');

      const page = await fetch(link);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<form method="post"');
      expect((await app.gql<{ notificationSettings: { emailFrequency: string } }>(SETTINGS, {}, token)).data).toEqual({
        notificationSettings: { emailFrequency: 'DAILY' },
      });

      const forged = new URL(link);
      forged.searchParams.set('token', `${link.searchParams.get('token')!.split('.')[0]}.forged`);
      expect((await fetch(forged, { method: 'POST' })).status).toBe(404);

      const oneClick = await fetch(link, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'List-Unsubscribe=One-Click',
      });
      expect(oneClick.status).toBe(200);
      expect((await app.gql<{ notificationSettings: { emailFrequency: string } }>(SETTINGS, {}, token)).data).toEqual({
        notificationSettings: { emailFrequency: 'NONE' },
      });
    });
  });

  describe('delivery jobs', () => {
    it('never sends twice when the worker dies between sending and recording it', async () => {
      const email = ACCOUNTS.admin;
      faults(app).crashAfterSend = 1;
      await app.gql(REQUEST, { input: { email } });
      await runJobs(app); // sends, then "crashes" before recording: the job fails and waits for a retry
      expect(mailsTo(await outbox(app), email)).toHaveLength(1);
      const [job] = (await app.db.query(`SELECT attempts, last_error FROM graphile_worker.jobs`)).rows;
      expect(job.last_error).toContain('simulated crash');

      await retryNow(app);
      await runJobs(app); // the retry finds the claimed send key and the message in the outbox: no second e-mail
      expect(mailsTo(await outbox(app), email)).toHaveLength(1);
      expect((await app.db.query(`SELECT count(*)::int AS n FROM graphile_worker.jobs`)).rows[0].n).toBe(0);
      const { rows } = await app.db.query(`SELECT status FROM email_deliveries WHERE recipient = $1`, [email]);
      expect(rows).toEqual([{ status: 'SENT' }]);
    });
  });
});
