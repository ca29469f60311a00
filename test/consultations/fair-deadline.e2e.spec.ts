import { connect } from 'node:net';
import { joinConsultation, openConsultation, saveContribution } from '../support/consultations';
import { ACCOUNTS, signInDemoAccounts } from '../support/demo-accounts';
import { TestApp, outcome, startTestApp } from '../support/test-app';

/**
 * The fair deadline (issue 15, item 1): a submission is judged by when the server received it — stamped at the edge,
 * before any queueing — not by when its transaction runs. Received before `closesAt`: accepted, even when processed
 * after it; received at or after `closesAt`: refused. The receipt shows both times. A request whose body trickles in
 * long after its headers cannot claim the early stamp.
 */
type Account = keyof typeof ACCOUNTS;
const BODY_TIMEOUT_MS = 1500;

const SUBMIT = `mutation($input: JoinConsultationInput!) { submitContribution(input: $input) {
  receipt { trackingNumber submittedAt receivedAt processedAt digest } alreadyReceived consultationState } }`;
const VERIFY = `query($t: String!, $d: String!) { verifyReceipt(trackingNumber: $t, digest: $d) { valid latest } }`;

interface Submitted {
  receipt: { trackingNumber: string; submittedAt: string; receivedAt: string; processedAt: string; digest: string };
  alreadyReceived: boolean;
  consultationState: string;
}

describe('the fair deadline: judged by when the submission was received', () => {
  let app: TestApp;
  let token: Record<Account, string>;
  let atlas: string;

  beforeAll(async () => {
    // Behind a trusted proxy: its X-Request-Start counts as the arrival (without one, the API's own stamp does).
    app = await startTestApp({ env: { REQUEST_BODY_TIMEOUT_MS: String(BODY_TIMEOUT_MS), TRUST_PROXY: 'true' } });
    token = await signInDemoAccounts(app);
    atlas = (await app.db.query(`SELECT id FROM organizations WHERE acronym = 'Atlas' OR name LIKE 'Atlas%'`)).rows[0]
      .id;
  });
  afterEach(() => app.clock.unfreeze());
  afterAll(() => app.close());

  /** A published consultation closing in an hour, that Atlas joined, with a complete draft ready to submit. */
  async function readyToSubmit(): Promise<{ id: string; closesAt: number; contributionId: string }> {
    const { id, questions } = await openConsultation(app, token.moderator, {
      title: 'Consultation à clôture serrée (exemple)',
      eligibleKinds: ['COMPANY', 'FEDERATION'],
    });
    const { id: contributionId, version } = await joinConsultation(app, token.companyRepresentative, id, atlas);
    await saveContribution(app, token.companyMember, version, {
      consultationId: id,
      organizationId: atlas,
      answers: [{ questionId: questions[0].id, text: 'Notre position.' }],
    });
    const { closes_at } = (await app.db.query(`SELECT closes_at FROM consultations WHERE id = $1`, [id])).rows[0];
    return { id, closesAt: (closes_at as Date).getTime(), contributionId };
  }

  const submit = (consultationId: string) =>
    app.gql<{ submitContribution: Submitted }>(
      SUBMIT,
      { input: { consultationId, organizationId: atlas } },
      token.companyRepresentative,
    );

  /** A request as a proxy forwards it, with the time the proxy received it (nginx: `t=${msec}`). */
  async function throughProxy<T>(
    query: string,
    variables: Record<string, unknown>,
    from: string,
    requestStart: string,
  ) {
    const response = await fetch(app.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${from}`, 'x-request-start': requestStart },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as {
      data: T | null;
      errors?: { extensions: { code: string; [detail: string]: unknown } }[];
    };
  }

  const submitThroughProxy = (consultationId: string, requestStart: string) =>
    throughProxy<{ submitContribution: Submitted }>(
      SUBMIT,
      { input: { consultationId, organizationId: atlas } },
      token.companyRepresentative,
      requestStart,
    );

  /** Resolves once `waiting` backends of this suite's database wait for a lock (submissions queued behind ours). */
  async function someoneWaitsForALock(waiting = 1): Promise<void> {
    for (;;) {
      const { rows } = await app.db.query(
        `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
      );
      if (rows[0].n >= waiting) return;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  it('accepts a submission received before closesAt though processed after it, with both times on the receipt', async () => {
    const { id, closesAt, contributionId } = await readyToSubmit();
    // Hold the contribution's row so the submission waits, as it would behind a closing rush.
    const blocker = await app.db.connect();
    try {
      await blocker.query('BEGIN');
      await blocker.query('SELECT 1 FROM contributions WHERE id = $1 FOR UPDATE', [contributionId]);
      app.clock.freeze(new Date(closesAt - 1));
      const pending = submit(id);
      await someoneWaitsForALock();
      // Its turn comes a second after the deadline.
      app.clock.freeze(new Date(closesAt + 1000));
      await blocker.query('COMMIT');
      const submitted = await pending;
      expect(outcome(submitted)).toBe('OK');
      const { receipt, alreadyReceived, consultationState } = submitted.data!.submitContribution;
      expect(alreadyReceived).toBe(false);
      expect(consultationState).toBe('CLOSED');
      expect(receipt.receivedAt).toBe(new Date(closesAt - 1).toISOString());
      expect(receipt.submittedAt).toBe(receipt.receivedAt);
      expect(receipt.processedAt).toBe(new Date(closesAt + 1000).toISOString());
      const stored = await app.db.query(
        `SELECT submitted_at, processed_at FROM contribution_submissions WHERE tracking_number = $1`,
        [receipt.trackingNumber],
      );
      expect(stored.rows).toEqual([{ submitted_at: new Date(closesAt - 1), processed_at: new Date(closesAt + 1000) }]);
      const check = await app.gql<{ verifyReceipt: { valid: boolean; latest: boolean } }>(VERIFY, {
        t: receipt.trackingNumber,
        d: receipt.digest,
      });
      expect(check.data!.verifyReceipt).toEqual({ valid: true, latest: true });
    } finally {
      blocker.release();
    }
  });

  it('gives two submissions queued at once (a double click) one receipt, stored once', async () => {
    const { id, contributionId } = await readyToSubmit();
    const blocker = await app.db.connect();
    try {
      await blocker.query('BEGIN');
      await blocker.query('SELECT 1 FROM contributions WHERE id = $1 FOR UPDATE', [contributionId]);
      const both = Promise.all([submit(id), submit(id)]);
      await someoneWaitsForALock(2);
      await blocker.query('COMMIT');
      const [first, second] = (await both).map((answer) => answer.data!.submitContribution);
      expect(first.receipt.trackingNumber).toBe(second.receipt.trackingNumber);
      expect([first.alreadyReceived, second.alreadyReceived].sort()).toEqual([false, true]);
      const stored = await app.db.query(
        `SELECT count(*)::int AS n FROM contribution_submissions WHERE contribution_id = $1`,
        [contributionId],
      );
      expect(stored.rows[0].n).toBe(1);
    } finally {
      blocker.release();
    }
  });

  it('reads, saves and submits in a few statements, keeping the version check, the roles and the receipts', async () => {
    const { id, contributionId } = await readyToSubmit();
    const statements = (response: { headers: Headers }) => Number(response.headers.get('x-sql-statements'));
    const read = await app.gql<{ contribution: { version: number } }>(
      `query($c: ID!, $o: ID!) { contribution(consultationId: $c, organizationId: $o) { version } }`,
      { c: id, o: atlas },
      token.companyMember,
    );
    // The session check, then the consultation with the contribution.
    expect(statements(read)).toBe(2);
    const { version } = read.data!.contribution;
    const questionId = (await app.db.query(`SELECT id FROM consultation_questions WHERE consultation_id = $1`, [id]))
      .rows[0].id as string;
    const save = (from: number, text: string) =>
      app.gql<{ saveContribution: { contribution: { version: number; status: string } } }>(
        `mutation($input: SaveContributionInput!) { saveContribution(input: $input) { contribution { version status } } }`,
        { input: { consultationId: id, organizationId: atlas, version: from, answers: [{ questionId, text }] } },
        token.companyMember,
      );
    const saved = await save(version, 'Notre position, précisée.');
    expect(outcome(saved)).toBe('OK');
    // The session check, the read with its facts, the versioned update with its history line.
    expect(statements(saved)).toBe(3);
    expect(saved.data!.saveContribution.contribution).toEqual({ version: version + 1, status: 'DRAFT' });

    // Only a representative submits; someone of another organisation does not learn it exists.
    const byMember = await app.gql(
      SUBMIT,
      { input: { consultationId: id, organizationId: atlas } },
      token.companyMember,
    );
    expect(outcome(byMember)).toBe('FORBIDDEN');
    expect(byMember.errors![0].extensions['reason']).toBe('SUBMIT_REPRESENTATIVES_ONLY');
    const byOutsider = await app.gql(
      SUBMIT,
      { input: { consultationId: id, organizationId: atlas } },
      token.otherRepresentative,
    );
    expect(outcome(byOutsider)).toBe('NOT_FOUND');

    const first = await submit(id);
    expect(outcome(first)).toBe('OK');
    // The session check; BEGIN, the locked row with its facts, the receipt with the status, COMMIT.
    expect(statements(first)).toBe(5);
    const again = await submit(id);
    expect(again.data!.submitContribution.alreadyReceived).toBe(true);
    expect(again.data!.submitContribution.receipt).toEqual(first.data!.submitContribution.receipt);
    expect(statements(again)).toBe(4);

    // The submission moved the version on: a save from the version before it is stale, and leaves no history line.
    const stale = await save(version + 1, 'Une modification sur une version dépassée.');
    expect(outcome(stale)).toBe('CONFLICT');
    expect(stale.errors![0].extensions['reason']).toBe('STALE_VERSION');
    const lines = await app.db.query(
      `SELECT version FROM contribution_changes WHERE contribution_id = $1 ORDER BY version`,
      [contributionId],
    );
    expect(lines.rows.map((row) => row.version)).toEqual([version, version + 1]);
    const row = (await app.db.query(`SELECT status, version FROM contributions WHERE id = $1`, [contributionId]))
      .rows[0];
    expect(row).toEqual({ status: 'SUBMITTED', version: version + 2 });
  });

  it('refuses a submission received at closesAt, and one received after it', async () => {
    const { id, closesAt } = await readyToSubmit();
    app.clock.freeze(new Date(closesAt));
    expect(outcome(await submit(id))).toBe('DEADLINE_PASSED');
    app.clock.freeze(new Date(closesAt + 1));
    expect(outcome(await submit(id))).toBe('DEADLINE_PASSED');
    const stored = await app.db.query(
      `SELECT count(*)::int AS n FROM contribution_submissions s JOIN contributions c ON c.id = s.contribution_id
        WHERE c.consultation_id = $1`,
      [id],
    );
    expect(stored.rows[0].n).toBe(0);
  });

  it('refuses a request whose body arrives long after its headers (408, REQUEST_TIMEOUT): no old stamp to claim', async () => {
    const { id, closesAt } = await readyToSubmit();
    app.clock.freeze(new Date(closesAt - 1));
    const body = JSON.stringify({ query: SUBMIT, variables: { input: { consultationId: id, organizationId: atlas } } });
    const { port } = new URL(app.graphqlUrl);
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(port), '127.0.0.1');
      let received = '';
      socket.on('data', (chunk) => (received += chunk.toString()));
      socket.on('end', () => resolve(received));
      socket.on('close', () => resolve(received));
      socket.on('error', reject);
      socket.write(
        `POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n` +
          `Authorization: Bearer ${token.companyRepresentative}\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
          `Connection: close\r\n\r\n`,
      );
      socket.write(body.slice(0, 10));
      // The rest arrives after the deadline and after the bound: the early stamp must not count.
      setTimeout(() => {
        app.clock.freeze(new Date(closesAt + 60_000));
        socket.write(body.slice(10));
      }, BODY_TIMEOUT_MS + 500);
    });
    expect(answer.split('\r\n')[0]).toBe('HTTP/1.1 408 Request Timeout');
    expect(answer).toContain('"code":"REQUEST_TIMEOUT"');
    const stored = await app.db.query(
      `SELECT count(*)::int AS n FROM contribution_submissions s JOIN contributions c ON c.id = s.contribution_id
        WHERE c.consultation_id = $1`,
      [id],
    );
    expect(stored.rows[0].n).toBe(0);
  });

  it("behind a trusted proxy, judges by the proxy's arrival time: queued in the proxy past closesAt, still accepted", async () => {
    const { id, closesAt } = await readyToSubmit();
    app.clock.freeze(new Date(closesAt + 800));
    const submitted = await submitThroughProxy(id, `t=${((closesAt - 200) / 1000).toFixed(3)}`);
    expect(submitted.errors).toBeUndefined();
    const { receipt } = submitted.data!.submitContribution;
    expect(receipt.receivedAt).toBe(new Date(closesAt - 200).toISOString());
    expect(receipt.processedAt).toBe(new Date(closesAt + 800).toISOString());
  });

  it("ignores a proxy arrival time older than its bound (a client's header passed through): refused after closesAt", async () => {
    const { id, closesAt } = await readyToSubmit();
    app.clock.freeze(new Date(closesAt + 1));
    const hourEarlier = `t=${(closesAt - 3_600_000) * 1000}`;
    const refused = await submitThroughProxy(id, hourEarlier);
    expect(refused.errors![0].extensions.code).toBe('DEADLINE_PASSED');
    const stored = await app.db.query(
      `SELECT count(*)::int AS n FROM contribution_submissions s JOIN contributions c ON c.id = s.contribution_id
        WHERE c.consultation_id = $1`,
      [id],
    );
    expect(stored.rows[0].n).toBe(0);
  });

  it('judges a save of the draft by when it was received too: kept though processed after closesAt, refused at it', async () => {
    const { id, closesAt, contributionId } = await readyToSubmit();
    const [{ version }] = (await app.db.query(`SELECT version FROM contributions WHERE id = $1`, [contributionId]))
      .rows;
    const [{ id: questionId }] = (
      await app.db.query(`SELECT id FROM consultation_questions WHERE consultation_id = $1`, [id])
    ).rows;
    const save = (from: number, text: string, requestStart: number) =>
      throughProxy<{ saveContribution: { contribution: { version: number } } }>(
        `mutation($input: SaveContributionInput!) { saveContribution(input: $input) { contribution { version } } }`,
        { input: { consultationId: id, organizationId: atlas, version: from, answers: [{ questionId, text }] } },
        token.companyMember,
        `t=${(requestStart / 1000).toFixed(3)}`,
      );
    // Queued 800 ms past the deadline after arriving 200 ms before it: the last words typed are kept.
    app.clock.freeze(new Date(closesAt + 800));
    const kept = await save(version, 'Notre position, dernière version.', closesAt - 200);
    expect(kept.errors).toBeUndefined();
    expect(kept.data!.saveContribution.contribution.version).toBe(version + 1);
    const refused = await save(version + 1, 'Trop tard.', closesAt);
    expect(refused.errors![0].extensions).toMatchObject({
      code: 'DEADLINE_PASSED',
      receivedAt: new Date(closesAt).toISOString(),
    });
    const stored = await app.db.query(`SELECT version, answers FROM contributions WHERE id = $1`, [contributionId]);
    expect(stored.rows[0].version).toBe(version + 1);
    expect(JSON.stringify(stored.rows[0].answers)).toContain('dernière version');
  });

  it("judges a member company's remark on its federation's draft by when it was received as well", async () => {
    const { id, closesAt } = await readyToSubmit();
    const fmo = (await app.db.query(`SELECT id FROM organizations WHERE acronym = 'FMO'`)).rows[0].id as string;
    await joinConsultation(app, token.federationRepresentative, id, fmo);
    const remark = (body: string, requestStart: number) =>
      throughProxy<{ addContributionRemark: { remark: { id: string } } }>(
        `mutation($input: AddContributionRemarkInput!) { addContributionRemark(input: $input) { remark { id } } }`,
        { input: { consultationId: id, federationId: fmo, organizationId: atlas, body } },
        token.companyMember,
        `t=${(requestStart / 1000).toFixed(3)}`,
      );
    app.clock.freeze(new Date(closesAt + 800));
    const kept = await remark('Voir notre réponse, envoyée juste avant la clôture.', closesAt - 200);
    expect(kept.errors).toBeUndefined();
    const refused = await remark('Trop tard.', closesAt);
    expect(refused.errors![0].extensions).toMatchObject({
      code: 'DEADLINE_PASSED',
      receivedAt: new Date(closesAt).toISOString(),
    });
    const stored = await app.db.query(
      `SELECT r.body FROM contribution_remarks r JOIN contributions c ON c.id = r.contribution_id
        WHERE c.consultation_id = $1`,
      [id],
    );
    expect(stored.rows.map((row) => row.body)).toEqual(['Voir notre réponse, envoyée juste avant la clôture.']);
  });
});
