import { verifyAuditTrail } from '@majlis/api';
import { ACCOUNTS } from '../support/demo-accounts';
import { TestApp, outcome, startTestApp } from '../support/test-app';

describe('audit trail', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  const kinds = async () =>
    (await app.db.query('SELECT kind FROM audit_events ORDER BY sequence')).rows.map(
      (row: { kind: string }) => row.kind,
    );

  it('records security events, chains them, and refuses UPDATE and DELETE at the database', async () => {
    const before = (await kinds()).length;
    const admin = (await app.signIn(ACCOUNTS.admin)).accessToken;
    await app.gql(
      `mutation { signIn(input: { email: "${ACCOUNTS.companyMember}", password: "not the password" }) { accessToken } }`,
    );
    const oasis = (await app.db.query(`SELECT id FROM organizations WHERE name LIKE 'Oasis%'`)).rows[0].id;
    expect(
      outcome(
        await app.gql(
          `mutation($input: OrganizationIdInput!) { verifyOrganization(input: $input) { organization { verified } } }`,
          { input: { id: oasis } },
          admin,
        ),
      ),
    ).toBe('OK');
    const member = (await app.db.query('SELECT id FROM users WHERE email = $1', [ACCOUNTS.companyMember])).rows[0].id;
    expect(
      outcome(
        await app.gql(
          `mutation($input: SetPlatformRoleInput!) { setPlatformRole(input: $input) { user { platformRole } } }`,
          { input: { userId: member, platformRole: 'MODERATOR' } },
          admin,
        ),
      ),
    ).toBe('OK');
    expect(
      outcome(
        await app.gql(
          `mutation($input: InviteMemberInput!) { inviteMember(input: $input) { token } }`,
          { input: { organizationId: oasis, email: 'audit@oasis.example', role: 'MEMBER' } },
          admin,
        ),
      ),
    ).toBe('OK');
    expect((await kinds()).slice(before)).toEqual([
      'SIGN_IN_SUCCEEDED',
      'SIGN_IN_FAILED',
      'ORGANIZATION_VERIFIED',
      'PLATFORM_ROLE_CHANGED',
      'INVITATION_SENT',
    ]);

    const failed = (
      await app.db.query(
        `SELECT details FROM audit_events WHERE kind = 'SIGN_IN_FAILED' ORDER BY sequence DESC LIMIT 1`,
      )
    ).rows[0].details;
    expect(failed).toEqual(expect.objectContaining({ email: ACCOUNTS.companyMember, reason: 'WRONG_CREDENTIALS' }));
    expect(JSON.stringify(failed)).not.toContain('not the password');

    await expect(app.db.query(`UPDATE audit_events SET kind = 'X'`)).rejects.toThrow(/append-only/);
    await expect(app.db.query(`DELETE FROM audit_events`)).rejects.toThrow(/append-only/);
    expect(await verifyAuditTrail(app.databaseUrl)).toEqual({ ok: true, checked: (await kinds()).length });
  });

  it('names the row that was tampered with directly in SQL (with the guard switched off)', async () => {
    const { rows } = await app.db.query(
      `SELECT sequence FROM audit_events WHERE kind = 'ORGANIZATION_VERIFIED' ORDER BY sequence LIMIT 1`,
    );
    const target = String(rows[0].sequence);
    await app.db.query('ALTER TABLE audit_events DISABLE TRIGGER audit_events_append_only');
    await app.db.query(`UPDATE audit_events SET details = '{"forged": true}' WHERE sequence = $1`, [target]);
    await app.db.query('ALTER TABLE audit_events ENABLE TRIGGER audit_events_append_only');
    const verdict = await verifyAuditTrail(app.databaseUrl);
    expect(verdict).toEqual(
      expect.objectContaining({ ok: false, brokenAt: target, problem: expect.stringContaining('altered') }),
    );
  });
});
