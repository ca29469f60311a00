/** The deadline load check's verdicts: what the race answered, held against what the database stored. */
import { createHash } from 'node:crypto';
import { Pool } from 'pg';
import { Tally, count, describe, errorKind, post, total } from './deadline.client';
import type { RaceResult, SubmitRecord } from './deadline.load';

export interface Check {
  readonly label: string;
  readonly ok: boolean;
  readonly detail: string;
}

export interface StoredSubmission {
  tracking_number: string;
  digest: string;
  canonical: string;
  submitted_at: Date;
  processed_at: Date;
  late: boolean;
  late_ms: number;
  organization_id: string;
}

/** The race's submits, sorted into what the checks and the report need. */
export interface Classified {
  readonly closesAt: number;
  readonly submits: readonly SubmitRecord[];
  readonly accepted: readonly SubmitRecord[];
  readonly refused: readonly SubmitRecord[];
  readonly failed: readonly SubmitRecord[];
  readonly firstAttempts: readonly SubmitRecord[];
  readonly acceptedFirst: readonly SubmitRecord[];
  readonly refusedFirst: readonly SubmitRecord[];
  /** One per tracking number. */
  readonly receipts: ReadonlyMap<string, SubmitRecord>;
  readonly retryPairs: readonly SubmitRecord[][];
}

export function classify(result: RaceResult, closesAt: number): Classified {
  const submits = result.submits;
  const firstAttempts = submits.filter((s) => s.attempt === 0);
  const accepted = submits.filter((s) => s.outcome === 'accepted');
  const receipts = new Map<string, SubmitRecord>();
  for (const s of accepted) if (!receipts.has(s.receipt!.trackingNumber)) receipts.set(s.receipt!.trackingNumber, s);
  const byRep = new Map<number, SubmitRecord[]>();
  for (const s of submits) if (s.retry !== 'none') byRep.set(s.index, [...(byRep.get(s.index) ?? []), s]);
  return {
    closesAt,
    submits,
    accepted,
    refused: submits.filter((s) => s.outcome === 'refused'),
    failed: submits.filter((s) => s.outcome === 'error'),
    firstAttempts,
    acceptedFirst: firstAttempts.filter((s) => s.outcome === 'accepted'),
    refusedFirst: firstAttempts.filter((s) => s.outcome === 'refused'),
    receipts,
    retryPairs: [...byRep.values()],
  };
}

export async function storedSubmissions(db: Pool, consultationId: string): Promise<StoredSubmission[]> {
  const { rows } = await db.query<StoredSubmission>(
    `SELECT s.tracking_number, s.digest, s.canonical, s.submitted_at, s.processed_at, s.submitted_at >= co.closes_at AS late,
            (extract(epoch FROM s.submitted_at - co.closes_at) * 1000)::float8 AS late_ms, c.organization_id
       FROM contribution_submissions s
       JOIN contributions c ON c.id = s.contribution_id
       JOIN consultations co ON co.id = c.consultation_id
      WHERE c.consultation_id = $1`,
    [consultationId],
  );
  return rows;
}

/** Contributions submitted at least once: SUBMITTED, or CHANGED_SINCE_SUBMITTED by an editor's save after it. */
async function submittedContributions(db: Pool, consultationId: string): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM contributions
      WHERE consultation_id = $1 AND status IN ('SUBMITTED', 'CHANGED_SINCE_SUBMITTED')`,
    [consultationId],
  );
  return rows[0].n;
}

/** The submits received before closesAt (by the server's stamp) and how many of them were accepted. */
export function receivedBefore(c: Classified): { received: number; accepted: number; unknown: number } {
  const firsts = c.firstAttempts.filter((s) => s.outcome !== 'error');
  const known = firsts.filter((s) => s.receivedAt !== undefined);
  const before = known.filter((s) => s.receivedAt! < c.closesAt);
  return {
    received: before.length,
    accepted: before.filter((s) => s.outcome === 'accepted').length,
    unknown: firsts.length - known.length,
  };
}

function outcomeChecks(c: Classified, result: RaceResult, participants: number): Check[] {
  const senders = new Set(c.firstAttempts.map((s) => s.index)).size;
  const before = receivedBefore(c);
  return [
    {
      label: 'no submit error other than DEADLINE_PASSED',
      ok: c.failed.length === 0,
      detail: `${c.failed.length} other errors`,
    },
    { label: 'every representative sent a submit', ok: senders === participants, detail: `${senders}/${participants}` },
    {
      label: 'no editor error other than CONFLICT / DEADLINE_PASSED',
      ok: total(result.editors.errors) === 0,
      detail: `${total(result.editors.errors)} other errors`,
    },
    {
      label: 'the race straddled the deadline (some accepted, some refused)',
      ok: c.acceptedFirst.length > 0 && c.refusedFirst.length > 0,
      detail: `${c.acceptedFirst.length} accepted, ${c.refusedFirst.length} refused`,
    },
    {
      label: 'goal: 100% of the submits received before closesAt accepted',
      ok: before.accepted === before.received && before.unknown === 0,
      detail: `${before.accepted}/${before.received}${before.unknown ? `, ${before.unknown} without a received-at time` : ''}`,
    },
    {
      label: 'every refusal was received at or after closesAt',
      ok: c.refused.every((s) => s.receivedAt !== undefined && s.receivedAt >= c.closesAt),
      detail: `${c.refused.filter((s) => s.receivedAt === undefined || s.receivedAt < c.closesAt).length} not`,
    },
  ];
}

function storageChecks(c: Classified, stored: readonly StoredSubmission[], submittedCount: number): Check[] {
  const n = c.receipts.size;
  const rowsByTracking = new Map<string, StoredSubmission[]>();
  for (const row of stored)
    rowsByTracking.set(row.tracking_number, [...(rowsByTracking.get(row.tracking_number) ?? []), row]);
  const rowOf = (s: SubmitRecord) => rowsByTracking.get(s.receipt!.trackingNumber)?.[0];
  const receipts = [...c.receipts.values()];
  const count = (predicate: (s: SubmitRecord, row: StoredSubmission) => boolean) =>
    receipts.filter((s) => {
      const row = rowOf(s);
      return !!row && predicate(s, row);
    }).length;
  const storedOnce = [...c.receipts.keys()].filter((tn) => rowsByTracking.get(tn)?.length === 1).length;
  const digests = count((s, row) => sha256(row.canonical) === row.digest && row.digest === s.receipt!.digest);
  const times = count(
    (s, row) =>
      row.submitted_at.getTime() === Date.parse(s.receipt!.submittedAt) &&
      row.submitted_at.getTime() === Date.parse(s.receipt!.receivedAt) &&
      row.processed_at.getTime() === Date.parse(s.receipt!.processedAt),
  );
  const inTime = count((_, row) => !row.late && row.submitted_at.getTime() < c.closesAt);
  const ordered = stored.filter((row) => row.processed_at >= row.submitted_at).length;
  const late = stored.filter((row) => row.late);
  const orphans = stored.filter((row) => !c.receipts.has(row.tracking_number)).length;
  const organisations = new Set(c.accepted.map((s) => s.organizationId)).size;
  return [
    { label: 'every accepted receipt is stored exactly once', ok: storedOnce === n, detail: `${storedOnce}/${n}` },
    {
      label: 'every stored digest = sha256(canonical) = the receipt’s digest',
      ok: digests === n,
      detail: `${digests}/${n}`,
    },
    {
      label: 'every receipt’s receivedAt/submittedAt/processedAt = the stored ones',
      ok: times === n,
      detail: `${times}/${n}`,
    },
    {
      label: 'every accepted submission was received strictly before closes_at',
      ok: inTime === n,
      detail: `${inTime}/${n}`,
    },
    {
      label: 'every stored submission was processed at or after it was received',
      ok: ordered === stored.length,
      detail: `${ordered}/${stored.length}`,
    },
    {
      label: 'no stored submission received at or after closes_at',
      ok: late.length === 0,
      detail:
        late.length === 0
          ? '0 late rows'
          : `${late.length} late rows, up to closes_at + ${Math.max(...late.map((row) => row.late_ms)).toFixed(1)} ms`,
    },
    {
      label: 'no stored submission without an accepted receipt',
      ok: orphans === 0,
      detail: `${stored.length} rows, ${orphans} without a receipt`,
    },
    {
      label: 'contributions submitted (SUBMITTED or CHANGED_SINCE_SUBMITTED) = organisations with an accepted receipt',
      ok: submittedCount === organisations,
      detail: `${submittedCount} vs ${organisations}`,
    },
  ];
}

function lateSendChecks(c: Classified, result: RaceResult): Check[] {
  // A submit sent after the deadline may only get back a receipt received before it (an idempotent retry).
  const sentLateAccepted = c.accepted.filter(
    (s) => s.sentAt >= c.closesAt && !(s.receipt && Date.parse(s.receipt.receivedAt) < Math.min(c.closesAt, s.sentAt)),
  );
  return [
    {
      label: 'no submit sent at or after closesAt was accepted (retries returning an earlier receipt aside)',
      ok: sentLateAccepted.length === 0,
      detail: `${sentLateAccepted.length}`,
    },
    {
      label: 'every editor save received before closesAt was kept (or CONFLICT): none refused DEADLINE_PASSED',
      ok: result.editors.savesRefusedReceivedBeforeDeadline === 0,
      detail: `${result.editors.savesRefusedReceivedBeforeDeadline} refused`,
    },
    {
      label: 'no editor save sent at or after closesAt succeeded',
      ok: result.editors.savesOkSentAfterDeadline === 0,
      detail: `${result.editors.savesOkSentAfterDeadline}`,
    },
  ];
}

export function bothAccepted(c: Classified): SubmitRecord[][] {
  return c.retryPairs.filter((pair) => pair.length === 2 && pair.every((s) => s.outcome === 'accepted'));
}

function retryChecks(c: Classified, stored: readonly StoredSubmission[]): Check[] {
  const both = bothAccepted(c);
  const idempotent = both.filter(
    ([a, b]) =>
      a.receipt!.trackingNumber === b.receipt!.trackingNumber &&
      a.receipt!.digest === b.receipt!.digest &&
      stored.filter((row) => row.organization_id === a.organizationId).length === 1,
  );
  return [
    {
      label: 'retries with both attempts accepted are idempotent (same receipt, one row)',
      ok: idempotent.length === both.length,
      detail: `${idempotent.length}/${both.length}`,
    },
  ];
}

/** verifyReceipt, for a sample, with no token (it is public); and a tampered digest must not verify. */
async function receiptChecks(
  c: Classified,
  graphqlUrl: string,
  sampleSize: number,
  timeoutMs: number,
): Promise<Check[]> {
  const VERIFY = `query($t: String!, $d: String!) { verifyReceipt(trackingNumber: $t, digest: $d) { valid latest } }`;
  const sample = shuffle([...c.receipts.values()]).slice(0, sampleSize);
  let verified = 0;
  const errors: Tally = {};
  await Promise.all(
    sample.map(async (s) => {
      const outcome = await post(
        graphqlUrl,
        VERIFY,
        { t: s.receipt!.trackingNumber, d: s.receipt!.digest },
        undefined,
        timeoutMs,
      );
      if (outcome.kind !== 'data') return count(errors, errorKind(outcome), outcome.message);
      if ((outcome.data['verifyReceipt'] as { valid: boolean }).valid) verified += 1;
    }),
  );
  const probe = sample[0]
    ? await post(
        graphqlUrl,
        VERIFY,
        { t: sample[0].receipt!.trackingNumber, d: flipLastHex(sample[0].receipt!.digest) },
        undefined,
        timeoutMs,
      )
    : null;
  const tamperRejected = probe?.kind === 'data' && (probe.data['verifyReceipt'] as { valid: boolean }).valid === false;
  return [
    {
      label: `verifyReceipt says valid for a sample of ${sample.length}`,
      ok: verified === sample.length && total(errors) === 0,
      detail: `${verified}/${sample.length}${total(errors) ? `; errors: ${describe(errors).join('; ')}` : ''}`,
    },
    {
      label: 'verifyReceipt refuses a tampered digest',
      ok: sample.length === 0 || tamperRejected,
      detail: probe ? probe.kind : 'no sample',
    },
  ];
}

export async function verify(options: {
  db: Pool;
  graphqlUrl: string;
  consultationId: string;
  classified: Classified;
  result: RaceResult;
  participants: number;
  verifySample: number;
  timeoutMs: number;
}): Promise<{ checks: Check[]; stored: StoredSubmission[] }> {
  const { db, classified: c, result } = options;
  const stored = await storedSubmissions(db, options.consultationId);
  const submittedCount = await submittedContributions(db, options.consultationId);
  const checks = [
    ...outcomeChecks(c, result, options.participants),
    ...storageChecks(c, stored, submittedCount),
    ...lateSendChecks(c, result),
    ...retryChecks(c, stored),
    ...(await receiptChecks(c, options.graphqlUrl, options.verifySample, options.timeoutMs)),
  ];
  return { checks, stored };
}

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

function flipLastHex(digest: string): string {
  return digest.slice(0, -1) + (digest.endsWith('0') ? '1' : '0');
}

export function shuffle<T>(items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}
