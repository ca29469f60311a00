/** The deadline load check itself; start it through bench/deadline.bench.ts (see there). */
import { freePort, positiveInt, redact, startLoader, withDatabase } from './bench-support';
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Client, Pool } from 'pg';
import { DataSource } from 'typeorm';
import { hashPassword } from '@majlis/identity';
import {
  SAMPLE_PASSWORD,
  createApp,
  loadConfig,
  migrate,
  seedSampleDataIfEmpty,
  startEmbeddedPostgres,
} from '@majlis/api';
import { Tally, count, describe, errorKind, post, total } from './deadline.client';
import type { RaceJob, RaceResult, RetryMode, SubmitRecord } from './deadline.load';

const ORGANIZATIONS = positiveInt(process.env['BENCH_ORGANIZATIONS'], 200);
/** Seconds from the consultation's creation to its deadline: joins and first drafts happen in between. */
const LEAD_SECONDS = positiveInt(process.env['BENCH_LEAD_SECONDS'], 25);
const SUBMIT_BEFORE_MS = 3000;
const SUBMIT_AFTER_MS = 1000;
const EDIT_AFTER_MS = 1000;
const EDITOR_PAUSE_MS = Number(process.env['BENCH_EDITOR_PAUSE_MS'] ?? 150);
const POOL_SIZE = positiveInt(process.env['BENCH_POOL_SIZE'], 10);
const REQUEST_TIMEOUT_MS = 20_000;
const VERIFY_TIMEOUT_MS = 10_000;
const SIGN_IN_CONCURRENCY = 8;
const SETUP_CONCURRENCY = 16;
const VERIFY_SAMPLE = 20;
/** 'silent' by default; BENCH_LOG_LEVEL=error shows the stack of any INTERNAL_SERVER_ERROR. */
const LOG_LEVEL = process.env['BENCH_LOG_LEVEL'] ?? 'silent';
const MODERATOR_EMAIL = 'moderatrice@mtnra.example';
const PASSWORD = 'Deadline-bench-2026!';
const JWT_SECRET = `bench-${randomBytes(32).toString('hex')}`;
const CLEANUP_TIMEOUT_MS = 15_000;

type Cleanup = { label: string; run: () => Promise<void> };
const cleanups: Cleanup[] = [];
let cleaning: Promise<void> | null = null;

/** Undoes everything set up so far, last first, none allowed to hang; safe to call twice. */
function cleanUp(): Promise<void> {
  cleaning ??= (async () => {
    for (const { label, run } of cleanups.reverse()) {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<void>(
        (_, reject) =>
          (timer = setTimeout(() => reject(new Error(`timed out after ${CLEANUP_TIMEOUT_MS} ms`)), CLEANUP_TIMEOUT_MS)),
      );
      await Promise.race([run(), timeout])
        .catch((error: unknown) => console.error(`cleanup (${label}): ${String(error)}`))
        .finally(() => clearTimeout(timer));
    }
  })();
  return cleaning;
}

export async function main(): Promise<number> {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      console.error(`\n${signal}: cleaning up…`);
      void cleanUp().then(() => process.exit(130));
    });
  }
  const started = Date.now();
  try {
    return await check(started);
  } catch (error) {
    console.error(`\nload check failed: ${(error as Error)?.stack ?? String(error)}`);
    console.log('0 passed, 1 failed');
    return 1;
  } finally {
    await cleanUp();
    console.log(`(total ${((Date.now() - started) / 1000).toFixed(0)} s, cleanup done)`);
  }
}

async function check(started: number): Promise<number> {
  const step = (label: string) => console.log(`[${((Date.now() - started) / 1000).toFixed(1).padStart(5)} s] ${label}`);

  // --- the database: a fresh one on BENCH_DATABASE_URL, or on an embedded PostgreSQL ---
  let adminUrl = process.env['BENCH_DATABASE_URL'];
  let databaseSource: string;
  if (adminUrl) {
    databaseSource = `PostgreSQL at ${redact(adminUrl)} (BENCH_DATABASE_URL)`;
  } else {
    const dataDir = join(__dirname, '..', 'tmp', `bench-deadline-postgres-${process.pid}`);
    rmSync(dataDir, { recursive: true, force: true });
    mkdirSync(dataDir, { recursive: true });
    cleanups.push({
      label: 'remove the embedded data directory',
      run: async () => rmSync(dataDir, { recursive: true, force: true }),
    });
    step(`starting an embedded PostgreSQL in ${dataDir}`);
    const running = await startEmbeddedPostgres({
      dataDir,
      port: await freePort(),
      database: 'postgres',
      log: (m) => console.log(`        ${m}`),
    });
    cleanups.push({ label: 'stop the embedded PostgreSQL', run: () => running.stop() });
    adminUrl = running.url;
    databaseSource = 'embedded PostgreSQL';
  }
  const databaseName = `majlis_bench_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: adminUrl });
  admin.on('error', () => undefined);
  await admin.connect();
  cleanups.push({ label: 'disconnect the admin client', run: () => admin.end() });
  await admin.query(`CREATE DATABASE ${databaseName}`);
  cleanups.push({
    label: `drop ${databaseName}`,
    run: async () => void (await admin.query(`DROP DATABASE IF EXISTS ${databaseName} WITH (FORCE)`)),
  });
  const databaseUrl = withDatabase(adminUrl, databaseName);
  step(`database ${databaseName} created on ${databaseSource}; migrating`);
  await migrate(databaseUrl);

  // --- the API, as the e2e tests start it, in production mode, with the real clock ---
  const config = loadConfig({
    NODE_ENV: 'production',
    LOG_LEVEL,
    JWT_SECRET,
    AUDIT_HMAC_KEY: JWT_SECRET,
    SEED_SAMPLE_DATA: 'false',
    DATABASE_URL: databaseUrl,
    DATABASE_POOL_SIZE: String(POOL_SIZE),
    ACCESS_TOKEN_TTL_SECONDS: '3600',
  });
  const app = await createApp({ config, databaseUrl });
  cleanups.push({ label: 'close the API', run: () => app.close() });
  step('API created; seeding the sample organisations and demo users');
  await seedSampleDataIfEmpty(app);
  await app.listen(0, '127.0.0.1');
  const apiBase = (await app.getUrl()).replace('[::1]', '127.0.0.1').replace('localhost', '127.0.0.1');
  const graphqlUrl = `${apiBase}/graphql`;

  const db = new Pool({ connectionString: databaseUrl, max: 2 });
  db.on('error', () => undefined);
  cleanups.push({ label: 'close the verification pool', run: () => db.end() });

  const loader = startLoader<RaceJob, RaceResult>('deadline.load.ts');
  cleanups.push({ label: 'stop the load generator', run: async () => void loader.child.kill() });

  // --- participants: verified companies, each with a representative and a plain member ---
  step(
    `creating ${ORGANIZATIONS} verified companies, ${ORGANIZATIONS} representatives and ${ORGANIZATIONS} members (SQL)`,
  );
  const passwordHash = await hashPassword(PASSWORD);
  const people = await createParticipants(db, ORGANIZATIONS, passwordHash);

  step(`signing in the moderator and ${people.length * 2} participants (${SIGN_IN_CONCURRENCY} at a time)`);
  const signIn = async (email: string, password: string): Promise<string> => {
    const outcome = await post(
      graphqlUrl,
      `mutation($input: SignInInput!) { signIn(input: $input) { accessToken } }`,
      { input: { email, password } },
      undefined,
      REQUEST_TIMEOUT_MS,
    );
    if (outcome.kind !== 'data')
      throw new Error(`sign-in of ${email} failed: ${errorKind(outcome)}: ${outcome.message}`);
    return (outcome.data['signIn'] as { accessToken: string }).accessToken;
  };
  const moderatorToken = await signIn(MODERATOR_EMAIL, SAMPLE_PASSWORD);
  const signInStarted = Date.now();
  await inBatches(people, SIGN_IN_CONCURRENCY, async (person) => {
    person.representativeToken = await signIn(person.representativeEmail, PASSWORD);
    person.memberToken = await signIn(person.memberEmail, PASSWORD);
  });
  step(`signed in (${((Date.now() - signInStarted) / 1000).toFixed(1)} s)`);

  // --- the consultation: open now, closing LEAD_SECONDS from now ---
  const now = Date.now();
  const opensAt = new Date(now - 60_000);
  const closesAtRequested = new Date(now + LEAD_SECONDS * 1000);
  const created = await mustData(
    graphqlUrl,
    `mutation($input: CreateConsultationInput!) { createConsultation(input: $input) { consultation { id questions { id position kind } } } }`,
    {
      input: {
        title: 'Deadline load check',
        summary: 'Two hundred companies submit in the last seconds.',
        opensAt: opensAt.toISOString(),
        closesAt: closesAtRequested.toISOString(),
        eligibleKinds: ['COMPANY'],
        invitedOrganizationIds: [],
        documentIds: [],
        questions: [
          { kind: 'TEXT', prompt: 'Votre avis sur l’article 4 ?', required: true, maxLength: 2000 },
          { kind: 'SCALE', prompt: 'Votre accord global (1 à 5) ?' },
        ],
      },
    },
    moderatorToken,
  );
  const consultation = (
    created['createConsultation'] as {
      consultation: { id: string; questions: { id: string; position: number; kind: string }[] };
    }
  ).consultation;
  const consultationId = consultation.id;
  const textQuestionId = consultation.questions.find((q) => q.kind === 'TEXT')!.id;
  const scaleQuestionId = consultation.questions.find((q) => q.kind === 'SCALE')!.id;
  const published = await mustData(
    graphqlUrl,
    `mutation($input: ConsultationIdInput!) { publishConsultation(input: $input) { consultation { state } } }`,
    { input: { id: consultationId } },
    moderatorToken,
  );
  let state = (published['publishConsultation'] as { consultation: { state: string } }).consultation.state;
  if (state === 'SCHEDULED') {
    const opened = await mustData(
      graphqlUrl,
      `mutation($input: ConsultationIdInput!) { openConsultationNow(input: $input) { consultation { state } } }`,
      { input: { id: consultationId } },
      moderatorToken,
    );
    state = (opened['openConsultationNow'] as { consultation: { state: string } }).consultation.state;
  }
  const [{ closes_at: closesAtDate }] = (
    await db.query<{ closes_at: Date }>(`SELECT closes_at FROM consultations WHERE id = $1`, [consultationId])
  ).rows;
  const closesAt = closesAtDate.getTime();
  step(
    `consultation ${consultationId} ${state}, closes at ${closesAtDate.toISOString()} (in ${((closesAt - Date.now()) / 1000).toFixed(1)} s)`,
  );
  if (state !== 'OPEN') throw new Error(`the consultation is ${state}, not OPEN`);

  // --- every representative joins and saves a complete first draft ---
  const setupErrors: Tally = {};
  await inBatches(people, SETUP_CONCURRENCY, async (person) => {
    const joined = await post(
      graphqlUrl,
      `mutation($input: JoinConsultationInput!) { joinConsultation(input: $input) { contribution { version } } }`,
      { input: { consultationId, organizationId: person.organizationId } },
      person.representativeToken,
      REQUEST_TIMEOUT_MS,
    );
    if (joined.kind !== 'data') return count(setupErrors, `join: ${errorKind(joined)}`, joined.message);
    const version = (joined.data['joinConsultation'] as { contribution: { version: number } }).contribution.version;
    const saved = await post(
      graphqlUrl,
      `mutation($input: SaveContributionInput!) { saveContribution(input: $input) { contribution { version } } }`,
      {
        input: {
          consultationId,
          organizationId: person.organizationId,
          version,
          answers: [
            { questionId: textQuestionId, text: person.draft.text },
            { questionId: scaleQuestionId, scale: person.draft.scale },
          ],
        },
      },
      person.representativeToken,
      REQUEST_TIMEOUT_MS,
    );
    if (saved.kind !== 'data') count(setupErrors, `first draft: ${errorKind(saved)}`, saved.message);
  });
  if (total(setupErrors) > 0)
    throw new Error(`joining and saving the first drafts failed:\n  ${describe(setupErrors).join('\n  ')}`);
  const margin = closesAt - SUBMIT_BEFORE_MS - Date.now();
  step(
    `${people.length} organisations joined with a complete draft; the first submits go out in ${(margin / 1000).toFixed(1)} s`,
  );
  if (margin < 2000)
    throw new Error(`setup took too long: only ${margin} ms left before the first submit (raise BENCH_LEAD_SECONDS)`);

  // --- the race ---
  // Submit instants: one per representative, stratified over [closesAt − 3 s, closesAt + 1 s), in random order.
  const window = SUBMIT_BEFORE_MS + SUBMIT_AFTER_MS;
  const slots = shuffle(
    people.map((_, i) => closesAt - SUBMIT_BEFORE_MS + Math.floor(((i + Math.random()) / people.length) * window)),
  );
  const job: RaceJob = {
    graphqlUrl,
    consultationId,
    closesAt,
    editUntil: closesAt + EDIT_AFTER_MS,
    textQuestionId,
    scaleQuestionId,
    requestTimeoutMs: REQUEST_TIMEOUT_MS,
    editorPauseMs: EDITOR_PAUSE_MS,
    representatives: people.map((person, i) => ({
      index: person.index,
      organizationId: person.organizationId,
      token: person.representativeToken,
      sendAt: slots[i],
      retry: person.retry,
    })),
    editors: people.map((person) => ({
      index: person.index,
      organizationId: person.organizationId,
      token: person.memberToken,
      sameContent: person.retry === 'none' ? null : person.draft,
    })),
  };
  step(
    `race: ${people.length} editors editing until closesAt + ${EDIT_AFTER_MS} ms; submits spread over closesAt − ${SUBMIT_BEFORE_MS} ms … + ${SUBMIT_AFTER_MS} ms`,
  );
  // What the server side looks like just after the race (its pool, and its backends in PostgreSQL).
  const apiPool = (
    app.get(DataSource).driver as unknown as { master: { totalCount: number; idleCount: number; waitingCount: number } }
  ).master;
  let serverSnapshot: string[] = [];
  const snapshotTimer = setTimeout(
    () => {
      void serverSide(db, databaseName, apiPool).then(
        (lines) => (serverSnapshot = lines),
        (error: unknown) => (serverSnapshot = [`snapshot failed: ${String(error)}`]),
      );
    },
    closesAt + EDIT_AFTER_MS + 500 - Date.now(),
  );
  cleanups.push({ label: 'cancel the snapshot', run: async () => clearTimeout(snapshotTimer) });
  const result = await loader.run(job);
  step('race over; verifying');

  // --- verification ---
  const checks: { label: string; ok: boolean; detail: string }[] = [];
  const checkThat = (label: string, ok: boolean, detail: string) => checks.push({ label, ok, detail });
  const submits = result.submits;
  const accepted = submits.filter((s) => s.outcome === 'accepted');
  const refused = submits.filter((s) => s.outcome === 'refused');
  const failedSubmits = submits.filter((s) => s.outcome === 'error');
  const submitErrors: Tally = {};
  for (const s of failedSubmits) count(submitErrors, s.errorKind ?? '?', s.message ?? '');
  const firstAttempts = submits.filter((s) => s.attempt === 0);
  const acceptedFirst = firstAttempts.filter((s) => s.outcome === 'accepted');
  const refusedFirst = firstAttempts.filter((s) => s.outcome === 'refused');

  const stored = (
    await db.query<{
      tracking_number: string;
      digest: string;
      canonical: string;
      submitted_at: Date;
      late: boolean;
      late_ms: number;
      organization_id: string;
      contribution_id: string;
    }>(
      `SELECT s.tracking_number, s.digest, s.canonical, s.submitted_at, s.submitted_at >= co.closes_at AS late,
              (extract(epoch FROM s.submitted_at - co.closes_at) * 1000)::float8 AS late_ms, c.organization_id, c.id AS contribution_id
         FROM contribution_submissions s
         JOIN contributions c ON c.id = s.contribution_id
         JOIN consultations co ON co.id = c.consultation_id
        WHERE c.consultation_id = $1`,
      [consultationId],
    )
  ).rows;
  const [{ submitted_contributions: submittedContributions }] = (
    await db.query<{ submitted_contributions: number }>(
      `SELECT count(*)::int AS submitted_contributions FROM contributions WHERE consultation_id = $1 AND status = 'SUBMITTED'`,
      [consultationId],
    )
  ).rows;
  const rowsByTracking = new Map<string, typeof stored>();
  for (const row of stored)
    rowsByTracking.set(row.tracking_number, [...(rowsByTracking.get(row.tracking_number) ?? []), row]);
  const receipts = new Map<string, SubmitRecord>();
  for (const s of accepted) if (!receipts.has(s.receipt!.trackingNumber)) receipts.set(s.receipt!.trackingNumber, s);

  const storedOnce = [...receipts.keys()].filter((tn) => rowsByTracking.get(tn)?.length === 1);
  const digestsVerify = [...receipts.values()].filter((s) => {
    const row = rowsByTracking.get(s.receipt!.trackingNumber)?.[0];
    return !!row && sha256(row.canonical) === row.digest && row.digest === s.receipt!.digest;
  });
  const timesMatch = [...receipts.values()].filter((s) => {
    const row = rowsByTracking.get(s.receipt!.trackingNumber)?.[0];
    return !!row && row.submitted_at.getTime() === new Date(s.receipt!.submittedAt).getTime();
  });
  const acceptedInTime = [...receipts.values()].filter((s) => {
    const row = rowsByTracking.get(s.receipt!.trackingNumber)?.[0];
    return !!row && !row.late && row.submitted_at.getTime() < closesAt;
  });
  const lateRows = stored.filter((row) => row.late);
  const orphanRows = stored.filter((row) => !receipts.has(row.tracking_number));
  const acceptedOrgs = new Set(accepted.map((s) => s.organizationId));
  // A submit sent after the deadline may only get back a receipt issued before it (an idempotent retry).
  const issuedInTime = new Set(
    accepted
      .filter((s) => s.receipt && new Date(s.receipt.submittedAt).getTime() < closesAt)
      .map((s) => s.receipt!.trackingNumber),
  );
  const sentLateAccepted = accepted.filter(
    (s) =>
      s.sentAt >= closesAt &&
      !(
        s.receipt &&
        issuedInTime.has(s.receipt.trackingNumber) &&
        new Date(s.receipt.submittedAt).getTime() < s.sentAt
      ),
  );

  // Retries: both attempts accepted → same receipt and one row for the organisation; other combinations are reported.
  const byRep = new Map<number, SubmitRecord[]>();
  for (const s of submits) if (s.retry !== 'none') byRep.set(s.index, [...(byRep.get(s.index) ?? []), s]);
  const retryPairs = [...byRep.values()];
  const bothAccepted = retryPairs.filter((pair) => pair.length === 2 && pair.every((s) => s.outcome === 'accepted'));
  const idempotent = bothAccepted.filter(
    ([a, b]) =>
      a.receipt!.trackingNumber === b.receipt!.trackingNumber &&
      a.receipt!.digest === b.receipt!.digest &&
      stored.filter((row) => row.organization_id === a.organizationId).length === 1,
  );
  const acceptedThenRefused = retryPairs.filter(
    (pair) =>
      pair.length === 2 && pair.some((s) => s.outcome === 'accepted') && pair.some((s) => s.outcome === 'refused'),
  );
  const sequentialLateRetries = acceptedThenRefused.filter((pair) => pair[0].retry === 'sequential');

  // verifyReceipt, for a sample, with no token (it is public).
  const sample = shuffle([...receipts.values()]).slice(0, VERIFY_SAMPLE);
  let verified = 0;
  let verifiedLatest = 0;
  const verifyErrors: Tally = {};
  await Promise.all(
    sample.map(async (s) => {
      const outcome = await post(
        graphqlUrl,
        `query($t: String!, $d: String!) { verifyReceipt(trackingNumber: $t, digest: $d) { valid latest } }`,
        { t: s.receipt!.trackingNumber, d: s.receipt!.digest },
        undefined,
        VERIFY_TIMEOUT_MS,
      );
      if (outcome.kind !== 'data') return count(verifyErrors, errorKind(outcome), outcome.message);
      const answer = outcome.data['verifyReceipt'] as { valid: boolean; latest: boolean };
      if (answer.valid) verified += 1;
      if (answer.latest) verifiedLatest += 1;
    }),
  );
  // A tampered digest must not verify.
  const tamperProbe = sample[0]
    ? await post(
        graphqlUrl,
        `query($t: String!, $d: String!) { verifyReceipt(trackingNumber: $t, digest: $d) { valid } }`,
        { t: sample[0].receipt!.trackingNumber, d: flipLastHex(sample[0].receipt!.digest) },
        undefined,
        VERIFY_TIMEOUT_MS,
      )
    : null;
  const tamperRejected =
    tamperProbe?.kind === 'data' && (tamperProbe.data['verifyReceipt'] as { valid: boolean }).valid === false;

  const n = receipts.size;
  checkThat(
    'no submit error other than DEADLINE_PASSED',
    failedSubmits.length === 0,
    `${failedSubmits.length} other errors`,
  );
  checkThat(
    'every representative sent a submit',
    new Set(firstAttempts.map((s) => s.index)).size === people.length,
    `${new Set(firstAttempts.map((s) => s.index)).size}/${people.length}`,
  );
  checkThat(
    'no editor error other than CONFLICT / DEADLINE_PASSED',
    total(result.editors.errors) === 0,
    `${total(result.editors.errors)} other errors`,
  );
  checkThat(
    'the race straddled the deadline (some accepted, some refused)',
    acceptedFirst.length > 0 && refusedFirst.length > 0,
    `${acceptedFirst.length} accepted, ${refusedFirst.length} refused`,
  );
  checkThat('every accepted receipt is stored exactly once', storedOnce.length === n, `${storedOnce.length}/${n}`);
  checkThat(
    'every stored digest = sha256(canonical) = the receipt’s digest',
    digestsVerify.length === n,
    `${digestsVerify.length}/${n}`,
  );
  checkThat(
    'every receipt’s submittedAt = the stored submitted_at',
    timesMatch.length === n,
    `${timesMatch.length}/${n}`,
  );
  checkThat(
    'every accepted submission was stored strictly before closes_at',
    acceptedInTime.length === n,
    `${acceptedInTime.length}/${n}`,
  );
  checkThat(
    'no stored submission at or after closes_at',
    lateRows.length === 0,
    lateRows.length === 0
      ? '0 late rows'
      : `${lateRows.length} late rows, submitted_at up to closes_at + ${Math.max(...lateRows.map((row) => row.late_ms)).toFixed(1)} ms`,
  );
  checkThat(
    'no stored submission without an accepted receipt',
    orphanRows.length === 0,
    `${stored.length} rows, ${orphanRows.length} without a receipt`,
  );
  checkThat(
    'contributions SUBMITTED = organisations with an accepted receipt',
    submittedContributions === acceptedOrgs.size,
    `${submittedContributions} vs ${acceptedOrgs.size}`,
  );
  checkThat(
    'no submit sent at or after closesAt was accepted (retries returning an earlier receipt aside)',
    sentLateAccepted.length === 0,
    `${sentLateAccepted.length}`,
  );
  checkThat(
    'no editor save sent at or after closesAt succeeded',
    result.editors.savesOkSentAfterDeadline === 0,
    `${result.editors.savesOkSentAfterDeadline}`,
  );
  checkThat(
    'retries with both attempts accepted are idempotent (same receipt, one row)',
    idempotent.length === bothAccepted.length,
    `${idempotent.length}/${bothAccepted.length}`,
  );
  checkThat(
    `verifyReceipt says valid for a sample of ${sample.length}`,
    verified === sample.length && total(verifyErrors) === 0,
    `${verified}/${sample.length}${total(verifyErrors) ? `; errors: ${describe(verifyErrors).join('; ')}` : ''}`,
  );
  checkThat(
    'verifyReceipt refuses a tampered digest',
    sample.length === 0 || tamperRejected,
    tamperProbe ? tamperProbe.kind : 'no sample',
  );

  // --- the report ---
  const latencies = submits.map((s) => s.doneAt - s.sentAt).sort((a, b) => a - b);
  const pct = (p: number) =>
    latencies[Math.min(latencies.length - 1, Math.ceil((p / 100) * latencies.length) - 1)] ?? 0;
  const offsets = (list: SubmitRecord[]) => list.map((s) => s.sentAt - closesAt).sort((a, b) => a - b);
  const lastAcceptedSent = offsets(acceptedFirst).at(-1);
  const firstRefusedSent = offsets(refusedFirst)[0];
  const refusedSentBefore = refusedFirst.filter((s) => s.sentAt < closesAt);
  const e = result.editors;
  console.log('');
  console.log(
    `deadline load check — ${people.length} representatives, ${people.length} editors, closesAt ${closesAtDate.toISOString()}`,
  );
  console.log(
    `database: ${databaseSource}; API pool ${POOL_SIZE} connections; editors pause ~${EDITOR_PAUSE_MS} ms between saves; load generator timer lag p50 ${result.timerLagMs.p50} ms, max ${result.timerLagMs.max} ms`,
  );
  console.log(
    `submits: ${submits.length} requests (${people.length} first + ${submits.length - firstAttempts.length} retries) — accepted ${accepted.length}, refused DEADLINE_PASSED ${refused.length}, other errors ${failedSubmits.length}`,
  );
  console.log(
    `  first attempts: accepted ${acceptedFirst.length}, refused ${refusedFirst.length}; last accepted sent at closesAt${signed(lastAcceptedSent)} ms, first refused sent at closesAt${signed(firstRefusedSent)} ms; ` +
      `${refusedSentBefore.length} refused although sent before closesAt (queued past it)`,
  );
  for (const line of describe(submitErrors)) console.log(`  submit error: ${line}`);
  console.log(
    `editors: saves OK ${e.savesOk}, CONFLICT ${e.conflicts} (expected), DEADLINE_PASSED ${e.deadlinePassed}, other errors ${total(e.errors)} (version reads ${e.versionReads})`,
  );
  for (const line of describe(e.errors)) console.log(`  editor error: ${line}`);
  console.log(
    `verification: ${n} receipts, ${storedOnce.length} stored exactly once, ${digestsVerify.length} digests verify, ${lateRows.length} submissions at or after closesAt, ` +
      `idempotent retries ${idempotent.length}/${bothAccepted.length}; verifyReceipt ${verified}/${sample.length} valid (${verifiedLatest} latest)`,
  );
  console.log(
    `  retries: ${retryPairs.length} representatives sent a second submit (${retryPairs.filter((p) => p[0].retry === 'concurrent').length} at once, ${retryPairs.filter((p) => p[0].retry === 'sequential').length} after the first answer); ` +
      `${bothAccepted.length} both accepted, ${acceptedThenRefused.length} accepted once and refused once (${sequentialLateRetries.length} of them: a retry after the deadline of an accepted submission answered DEADLINE_PASSED)`,
  );
  console.log(`server side at closesAt + ${EDIT_AFTER_MS + 500} ms:`);
  for (const line of serverSnapshot) console.log(`  ${line}`);
  console.log(
    `latency of submits: p50 ${pct(50)} ms, p90 ${pct(90)} ms, p99 ${pct(99)} ms, max ${latencies.at(-1) ?? 0} ms`,
  );
  console.log('');
  for (const c of checks) console.log(`${c.ok ? 'ok  ' : 'FAIL'} ${c.label} (${c.detail})`);
  const passed = checks.filter((c) => c.ok).length;
  const failed = checks.length - passed;
  console.log(`${passed} passed, ${failed} failed`);
  return failed === 0 ? 0 : 1;
}

// ---------------------------------------------------------------------------------------------------------------

interface Participant {
  index: number;
  organizationId: string;
  representativeEmail: string;
  memberEmail: string;
  representativeToken: string;
  memberToken: string;
  retry: RetryMode;
  draft: { text: string; scale: number };
}

/** Verified companies (unique 15-digit ICE), one representative and one member each, in four statements. */
async function createParticipants(db: Pool, organizations: number, passwordHash: string): Promise<Participant[]> {
  const run = randomBytes(3).toString('hex');
  const { rows: orgs } = await db.query<{ id: string; n: number }>(
    `INSERT INTO organizations (kind, name, ice, description, verified_at)
     SELECT 'COMPANY', 'Bench Company ' || $2 || '-' || lpad(g::text, 3, '0'), '888' || lpad(g::text, 12, '0'), 'Deadline load check', now()
       FROM generate_series(1, $1::int) AS g
     RETURNING id, substring(name from '[0-9]+$')::int AS n`,
    [organizations, run],
  );
  await db.query(
    `INSERT INTO users (email, display_name, password_hash)
     SELECT 'bench-' || role || '-' || lpad(g::text, 3, '0') || '@deadline.example', 'Bench ' || role || ' ' || g, $2
       FROM generate_series(1, $1::int) AS g, unnest(ARRAY['rep', 'member']) AS role`,
    [organizations, passwordHash],
  );
  await db.query(
    `INSERT INTO memberships (user_id, organization_id, role)
     SELECT u.id, o.id, CASE WHEN u.email LIKE 'bench-rep-%' THEN 'REPRESENTATIVE' ELSE 'MEMBER' END
       FROM organizations o
       JOIN users u ON u.email IN ('bench-rep-' || lpad(substring(o.name from '[0-9]+$'), 3, '0') || '@deadline.example',
                                   'bench-member-' || lpad(substring(o.name from '[0-9]+$'), 3, '0') || '@deadline.example')
      WHERE o.name LIKE 'Bench Company ' || $1 || '-%'`,
    [run],
  );
  const [{ memberships }] = (
    await db.query<{ memberships: number }>(
      `SELECT count(*)::int AS memberships FROM memberships m JOIN organizations o ON o.id = m.organization_id WHERE o.name LIKE 'Bench Company %'`,
    )
  ).rows;
  if (memberships !== organizations * 2)
    throw new Error(`expected ${organizations * 2} memberships, made ${memberships}`);
  return orgs
    .sort((a, b) => a.n - b.n)
    .map(({ id, n }) => {
      const pad = String(n).padStart(3, '0');
      // Every 10th representative double-clicks (two submits at once), every 10th + 5 retries after the answer.
      const retry: RetryMode = n % 10 === 0 ? 'concurrent' : n % 10 === 5 ? 'sequential' : 'none';
      return {
        index: n,
        organizationId: id,
        representativeEmail: `bench-rep-${pad}@deadline.example`,
        memberEmail: `bench-member-${pad}@deadline.example`,
        representativeToken: '',
        memberToken: '',
        retry,
        draft: {
          text: `Contribution de l’entreprise ${n} : l’article 4 devrait préciser le plafond.`,
          scale: 1 + (n % 5),
        },
      };
    });
}

/** The API's pool (connections, idle, callers waiting for one) and what its PostgreSQL backends are doing. */
async function serverSide(
  db: Pool,
  databaseName: string,
  pool: { totalCount: number; idleCount: number; waitingCount: number },
): Promise<string[]> {
  const poolLine = `API pool: ${pool.totalCount} connections, ${pool.idleCount} idle, ${pool.waitingCount} callers waiting for a connection`;
  const { rows } = await db.query<{ state: string; wait: string | null; query: string; n: number }>(
    `SELECT state, wait_event_type || ':' || wait_event AS wait, left(regexp_replace(query, '\\s+', ' ', 'g'), 140) AS query, count(*)::int AS n
       FROM pg_stat_activity
      WHERE datname = $1 AND application_name = 'majlis-api'
      GROUP BY 1, 2, 3 ORDER BY n DESC`,
    [databaseName],
  );
  return [
    poolLine,
    ...rows.map(
      (row) => `backends: ${row.n} × ${row.state}${row.wait ? ` (${row.wait})` : ''}, last statement: ${row.query}`,
    ),
  ];
}

async function mustData(
  url: string,
  query: string,
  variables: Record<string, unknown>,
  token: string,
): Promise<Record<string, unknown>> {
  const outcome = await post(url, query, variables, token, REQUEST_TIMEOUT_MS);
  if (outcome.kind !== 'data') throw new Error(`GraphQL request failed: ${errorKind(outcome)}: ${outcome.message}`);
  return outcome.data;
}

async function inBatches<T>(
  items: readonly T[],
  concurrency: number,
  work: (item: T) => Promise<unknown>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
}

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

function flipLastHex(digest: string): string {
  return digest.slice(0, -1) + (digest.endsWith('0') ? '1' : '0');
}

function shuffle<T>(items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}

function signed(ms: number | undefined): string {
  return ms === undefined ? ' n/a' : ms >= 0 ? ` + ${ms}` : ` − ${-ms}`;
}
