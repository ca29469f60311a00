import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { HashChains, canonicalJson } from '@majlis/audit';
import { verifyAuditTrail } from '@majlis/api';
import { ACCOUNTS } from '../support/demo-accounts';
import { TestApp, outcome, startTestApp } from '../support/test-app';

/**
 * The audit trail and the moderation log against someone with database superuser rights: each row is chained by
 * an HMAC under a key outside the database, and the chains' heads are checkpointed outside it. Every tampering
 * below is done in plain SQL, as such a person would, and `audit:verify` must name the row where it happened.
 */
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
  const verify = () => verifyAuditTrail(app.databaseUrl, app.config.audit);
  const chainVerdict = async (chain: string) => (await verify()).chains.find((verdict) => verdict.chain === chain)!;
  /** A superuser's session with the append-only guard switched off. */
  const asSuperuser = async (table: string, work: () => Promise<unknown>) => {
    await app.db.query(`ALTER TABLE ${table} DISABLE TRIGGER ${table}_append_only`);
    try {
      await work();
    } finally {
      await app.db.query(`ALTER TABLE ${table} ENABLE TRIGGER ${table}_append_only`);
    }
  };
  const admin = async () => (await app.signIn(ACCOUNTS.admin)).accessToken;
  const organization = async (prefix: string) =>
    (await app.db.query(`SELECT id FROM organizations WHERE name LIKE $1 || '%'`, [prefix])).rows[0].id as string;

  it('records security events, chains them, and refuses UPDATE and DELETE at the database', async () => {
    const before = (await kinds()).length;
    const token = await admin();
    await app.gql(
      `mutation { signIn(input: { email: "${ACCOUNTS.companyMember}", password: "not the password" }) { accessToken } }`,
    );
    const oasis = await organization('Oasis');
    expect(
      outcome(
        await app.gql(
          `mutation($input: OrganizationIdInput!) { verifyOrganization(input: $input) { organization { verified } } }`,
          { input: { id: oasis } },
          token,
        ),
      ),
    ).toBe('OK');
    const member = (await app.db.query('SELECT id FROM users WHERE email = $1', [ACCOUNTS.companyMember])).rows[0].id;
    expect(
      outcome(
        await app.gql(
          `mutation($input: SetPlatformRoleInput!) { setPlatformRole(input: $input) { user { platformRole } } }`,
          { input: { userId: member, platformRole: 'MODERATOR' } },
          token,
        ),
      ),
    ).toBe('OK');
    expect((await kinds()).slice(before)).toEqual([
      'SIGN_IN_SUCCEEDED',
      'SIGN_IN_FAILED',
      'ORGANIZATION_VERIFIED',
      'PLATFORM_ROLE_CHANGED',
    ]);

    const failed = (
      await app.db.query(
        `SELECT details FROM audit_events WHERE kind = 'SIGN_IN_FAILED' ORDER BY sequence DESC LIMIT 1`,
      )
    ).rows[0].details;
    // The e-mail is kept as a keyed pseudonym: comparable by whoever holds the key, never in clear.
    expect(failed).toEqual(expect.objectContaining({ reason: 'WRONG_CREDENTIALS', emailHash: expect.any(String) }));
    expect(JSON.stringify(failed)).not.toContain(ACCOUNTS.companyMember);
    expect(JSON.stringify(failed)).not.toContain('not the password');

    await expect(app.db.query(`UPDATE audit_events SET kind = 'X'`)).rejects.toThrow(/append-only/);
    await expect(app.db.query(`DELETE FROM audit_events`)).rejects.toThrow(/append-only/);
    const verdict = await verify();
    expect(verdict.ok).toBe(true);
    expect(verdict.chains).toContainEqual(expect.objectContaining({ chain: 'audit_events', checked: before + 4 }));
    // The audit trail's own chain, then the one the app registers for moderation (its names are the checkpoints').
    expect(verdict.chains.map((chain) => chain.chain)).toEqual(['audit_events', 'moderation_actions']);
  });

  it('keeps a deleted person’s e-mail out of the trail: invitations record a keyed hash of it', async () => {
    const email = 'effacee.bientot@oasis.example';
    const token = await admin();
    const invited = await app.gql<{ inviteMember: { token: string } }>(
      `mutation($input: InviteMemberInput!) { inviteMember(input: $input) { token } }`,
      { input: { organizationId: await organization('Oasis'), email, role: 'MEMBER' } },
      token,
    );
    expect(outcome(invited)).toBe('OK');
    const password = 'Vq7#tLm2!pRz9wXk-quartz';
    expect(
      outcome(
        await app.gql(`mutation($input: AcceptInvitationInput!) { acceptInvitation(input: $input) { user { id } } }`, {
          input: { token: invited.data!.inviteMember.token, password, displayName: 'Personne effacée' },
        }),
      ),
    ).toBe('OK');
    const { accessToken } = await app.signIn(email, password);
    expect(
      outcome(
        await app.gql(
          `mutation($input: DeleteMyAccountInput!) { deleteMyAccount(input: $input) { deleted } }`,
          { input: { password } },
          accessToken,
        ),
      ),
    ).toBe('OK');
    const { rows } = await app.db.query(
      `SELECT kind, details::text AS details FROM audit_events WHERE details::text ILIKE '%' || $1 || '%'`,
      ['effacee.bientot'],
    );
    expect(rows).toEqual([]);
    const sent = (
      await app.db.query(
        `SELECT details FROM audit_events WHERE kind = 'INVITATION_SENT' ORDER BY sequence DESC LIMIT 1`,
      )
    ).rows[0].details;
    expect(sent).toEqual(
      expect.objectContaining({ role: 'MEMBER', emailHash: expect.stringMatching(/^[0-9a-f]{64}$/) }),
    );
    expect((await verify()).ok).toBe(true);
  });

  it('names the row altered in SQL even when the unkeyed SHA-256 of every following row is recomputed', async () => {
    await app.signIn(ACCOUNTS.companyRepresentative);
    await app.signIn(ACCOUNTS.federationRepresentative);
    const rows = (
      await app.db.query(
        `SELECT sequence::text AS sequence, previous_hash, occurred_at, kind, actor_id, subject_type, subject_id, details
           FROM audit_events ORDER BY sequence`,
      )
    ).rows;
    const target = rows.length - 2;
    // The old scheme's unkeyed hash, recomputed from the forged row to the end, as the review did.
    let previous: string = rows[target].previous_hash;
    await asSuperuser('audit_events', async () => {
      for (const row of rows.slice(target)) {
        const details = row.sequence === rows[target].sequence ? { forged: true } : row.details;
        const canonical = canonicalJson({
          occurredAt: row.occurred_at.toISOString(),
          kind: row.kind,
          actorId: row.actor_id,
          subjectType: row.subject_type,
          subjectId: row.subject_id,
          details,
        });
        const hash = createHash('sha256').update(`${previous}\n${canonical}`).digest('hex');
        await app.db.query(`UPDATE audit_events SET details = $2, previous_hash = $3, hash = $4 WHERE sequence = $1`, [
          row.sequence,
          details,
          previous,
          hash,
        ]);
        previous = hash;
      }
    });
    expect(await chainVerdict('audit_events')).toEqual(
      expect.objectContaining({
        ok: false,
        brokenAt: rows[target].sequence,
        problem: expect.stringContaining('altered'),
      }),
    );
  });
});

describe('audit trail: truncation, timestamps and the moderation log', () => {
  let app: TestApp;

  beforeEach(async () => {
    app = await startTestApp();
  });
  afterEach(() => app.close());

  const verify = () => verifyAuditTrail(app.databaseUrl, app.config.audit);
  const chainVerdict = async (chain: string) => (await verify()).chains.find((verdict) => verdict.chain === chain)!;
  /** What the checkpoint interval does while the app runs. */
  const checkpoint = () => app.nest.get(HashChains).checkpoint();
  const asSuperuser = async (table: string, sql: string, params: unknown[] = []) => {
    await app.db.query(`ALTER TABLE ${table} DISABLE TRIGGER ${table}_append_only`);
    try {
      await app.db.query(sql, params);
    } finally {
      await app.db.query(`ALTER TABLE ${table} ENABLE TRIGGER ${table}_append_only`);
    }
  };
  const last = async (table: string, count: number) =>
    (
      await app.db.query(`SELECT sequence::text AS sequence FROM ${table} ORDER BY sequence DESC LIMIT $1`, [count])
    ).rows
      .map((row: { sequence: string }) => row.sequence)
      .reverse();

  it('detects the last rows removed, against the signed checkpoint kept outside the database', async () => {
    for (const account of [ACCOUNTS.companyMember, ACCOUNTS.federationMember, ACCOUNTS.otherRepresentative])
      await app.signIn(account);
    await checkpoint();
    const checkpoints = readFileSync(app.config.audit.checkpointFile, 'utf8').trim().split('\n');
    const head = JSON.parse(checkpoints[checkpoints.length - 1]);
    const removed = await last('audit_events', 2);
    expect(head).toEqual(
      expect.objectContaining({ chain: 'audit_events', sequence: removed[1], mac: expect.any(String) }),
    );
    expect((await verify()).ok).toBe(true);

    await asSuperuser('audit_events', `DELETE FROM audit_events WHERE sequence >= $1`, [removed[0]]);
    expect(await chainVerdict('audit_events')).toEqual(
      expect.objectContaining({
        ok: false,
        brokenAt: removed[1],
        problem: expect.stringContaining('rows were removed'),
      }),
    );
  });

  it('hashes timestamps to the microsecond', async () => {
    await app.signIn(ACCOUNTS.companyMember);
    const [target] = await last('audit_events', 1);
    await asSuperuser(
      'audit_events',
      `UPDATE audit_events SET occurred_at = occurred_at + interval '1 microsecond' WHERE sequence = $1`,
      [target],
    );
    expect(await chainVerdict('audit_events')).toEqual(expect.objectContaining({ ok: false, brokenAt: target }));
  });

  it('chains the moderation log the same way: an altered reason and a removed last action are named', async () => {
    const moderator = (await app.signIn(ACCOUNTS.moderator)).accessToken;
    const member = (await app.db.query('SELECT id FROM users WHERE email = $1', [ACCOUNTS.companyMember])).rows[0].id;
    const moderate = (action: string, reason: string) =>
      app.gql(
        `mutation($input: ModerateUserInput!) { moderateUser(input: $input) { user { status } } }`,
        { input: { userId: member, action, reason } },
        moderator,
      );
    expect(outcome(await moderate('SUSPEND', 'Récidive'))).toBe('OK');
    expect(outcome(await moderate('REINSTATE', 'Levée'))).toBe('OK');
    expect(outcome(await moderate('SUSPEND', 'Nouvelle récidive'))).toBe('OK');
    await checkpoint();
    expect(await chainVerdict('moderation_actions')).toEqual(
      expect.objectContaining({ ok: true, checked: 3, checkpoints: 1 }),
    );

    const [first, , third] = await last('moderation_actions', 3);
    await asSuperuser('moderation_actions', `UPDATE moderation_actions SET reason = 'Erreur' WHERE sequence = $1`, [
      first,
    ]);
    expect(await chainVerdict('moderation_actions')).toEqual(
      expect.objectContaining({ ok: false, brokenAt: first, problem: expect.stringContaining('altered') }),
    );
    await asSuperuser('moderation_actions', `UPDATE moderation_actions SET reason = 'Récidive' WHERE sequence = $1`, [
      first,
    ]);
    await asSuperuser('moderation_actions', `DELETE FROM moderation_actions WHERE sequence = $1`, [third]);
    expect(await chainVerdict('moderation_actions')).toEqual(
      expect.objectContaining({ ok: false, brokenAt: third, problem: expect.stringContaining('rows were removed') }),
    );
  });
});

describe('audit trail: rows written before the chains were keyed', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({ seed: false, env: { AUDIT_CHECKPOINT_INTERVAL_SECONDS: '0' } });
  });
  afterAll(() => app.close());

  const verify = () => verifyAuditTrail(app.databaseUrl, app.config.audit);
  const start = () => app.nest.get(HashChains).onApplicationBootstrap();

  it('re-keys them once at the first start with the key, and never again once checkpoints exist', async () => {
    // As the previous version left them: unkeyed SHA-256 audit rows, unchained moderation actions.
    let previous = '0'.repeat(64);
    for (const [index, kind] of ['SIGN_IN_SUCCEEDED', 'ORGANIZATION_VERIFIED'].entries()) {
      const occurredAt = new Date(Date.UTC(2026, 10, 20, 9, index));
      const canonical = canonicalJson({
        occurredAt: occurredAt.toISOString(),
        kind,
        actorId: null,
        subjectType: null,
        subjectId: null,
        details: { n: index },
      });
      const hash = createHash('sha256').update(`${previous}\n${canonical}`).digest('hex');
      await app.db.query(
        `INSERT INTO audit_events (occurred_at, kind, details, previous_hash, hash, keyed) VALUES ($1, $2, $3, $4, $5, false)`,
        [occurredAt, kind, { n: index }, previous, hash],
      );
      previous = hash;
    }
    await app.db.query(
      `INSERT INTO moderation_actions (action, reason, created_at, keyed) VALUES ('AUTO_HIDE', '3 open reports', now(), false)`,
    );
    expect((await verify()).ok).toBe(false);

    await start();
    const verdict = await verify();
    expect(verdict).toEqual(
      expect.objectContaining({
        ok: true,
        chains: [
          expect.objectContaining({ chain: 'audit_events', checked: 2, checkpoints: 1 }),
          expect.objectContaining({ chain: 'moderation_actions', checked: 1, checkpoints: 1 }),
        ],
      }),
    );

    // Someone unkeys a row to have the app launder a change: with checkpoints on file, the app refuses.
    const [{ sequence }] = (
      await app.db.query(`SELECT sequence::text AS sequence FROM audit_events ORDER BY sequence LIMIT 1`)
    ).rows;
    await app.db.query('ALTER TABLE audit_events DISABLE TRIGGER audit_events_append_only');
    await app.db.query(`UPDATE audit_events SET keyed = false, details = '{"n": 99}' WHERE sequence = $1`, [sequence]);
    await app.db.query('ALTER TABLE audit_events ENABLE TRIGGER audit_events_append_only');
    await start();
    expect((await verify()).chains[0]).toEqual(
      expect.objectContaining({ ok: false, brokenAt: sequence, problem: expect.stringContaining('not keyed') }),
    );
  });
});
