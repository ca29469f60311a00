import { createHash, createHmac, hkdfSync } from 'node:crypto';

/**
 * One chain mechanism for every append-only log (the audit trail here; other areas' logs, e.g. the moderation log,
 * declare their `ChainSpec` in their own lib and the app registers them in `AuditOptions.chains`): each row carries
 * the hash of the row before it and its own, an HMAC-SHA-256 under a key that is not in the database. Someone with
 * write access to the database alone can neither alter a row and recompute the rows after it, nor insert one;
 * removing the last rows is caught by the signed checkpoints kept outside the database (`checkpoints.ts`).
 */

/**
 * A log kept as a chain: its table, its lock and the columns each row's hash covers. The audit lib declares only its
 * own (`AUDIT_EVENTS_CHAIN`); an area that keeps a log as a chain declares its spec beside the log, and the app
 * registers it (`AuditOptions.chains`).
 */
export interface ChainSpec {
  /** Also its name in checkpoints and verdicts. */
  readonly table: string;
  /** Appends to one chain are serialised under this transaction-level advisory lock. */
  readonly lockKey: number;
  /** The columns the hash covers; timestamps are hashed at the microsecond precision PostgreSQL stores. */
  readonly columns: Readonly<Record<string, 'value' | 'uuid' | 'timestamp'>>;
}

export const AUDIT_EVENTS_CHAIN: ChainSpec = {
  table: 'audit_events',
  lockKey: 0x6d616a6c, // "majl"
  columns: {
    occurred_at: 'timestamp',
    kind: 'value',
    actor_id: 'uuid',
    subject_type: 'value',
    subject_id: 'value',
    details: 'value',
  },
};

export const GENESIS_HASH = '0'.repeat(64);

/** A row's hashed content, column by column (timestamps as microsecond ISO text, see `timestampText`). */
export type ChainRecord = Record<string, unknown>;

/**
 * The record a row's hash covers, from the values the app writes: every column of the spec (missing ones null),
 * timestamps as microsecond text, ids lower-cased, JSON values as they come back from PostgreSQL.
 */
export function chainRecord(spec: ChainSpec, values: Record<string, unknown>): ChainRecord {
  return Object.fromEntries(
    Object.entries(spec.columns).map(([column, kind]) => {
      const value = values[column] ?? null;
      if (value === null) return [column, null];
      if (kind === 'timestamp') return [column, value instanceof Date ? timestampText(value) : String(value)];
      if (kind === 'uuid') return [column, String(value).toLowerCase()];
      return [column, JSON.parse(JSON.stringify(value))];
    }),
  );
}

/**
 * The three keys derived from the one secret (`AUDIT_HMAC_KEY`), so that a chain hash, a checkpoint signature and
 * a pseudonym can never be mistaken for one another.
 */
export class ChainKey {
  private readonly chain: Buffer;
  private readonly checkpoint: Buffer;
  private readonly pseudonym: Buffer;

  constructor(secret: string) {
    if (secret.length < 32) throw new Error('The audit HMAC key must be at least 32 characters.');
    // HKDF (RFC 5869): one independent 256-bit key per purpose from the one secret.
    const derive = (label: string) => Buffer.from(hkdfSync('sha256', secret, '', label, 32));
    this.chain = derive('majlis/audit/chain/v2');
    this.checkpoint = derive('majlis/audit/checkpoint/v1');
    this.pseudonym = derive('majlis/audit/pseudonym/v1');
  }

  /** HMAC-SHA-256 of the previous hash and the record in canonical JSON (keys sorted at every level). */
  chainHash(previousHash: string, record: ChainRecord): string {
    return createHmac('sha256', this.chain)
      .update(`${previousHash}\n${canonicalJson(record)}`, 'utf8')
      .digest('hex');
  }

  signCheckpoint(content: string): string {
    return createHmac('sha256', this.checkpoint).update(content, 'utf8').digest('hex');
  }

  /** A stable keyed pseudonym of a personal value (an e-mail): comparable, but not reversible without the key. */
  pseudonymOf(value: string): string {
    return createHmac('sha256', this.pseudonym).update(value.trim().toLowerCase(), 'utf8').digest('hex');
  }
}

/**
 * A timestamp as PostgreSQL stores it, to the microsecond: `2026-12-01T09:01:10.123456Z`. A JS Date has
 * milliseconds, so what the app writes ends in `000`; the hash covers all six digits, so a change of a
 * microsecond in the database breaks the row.
 */
export function timestampText(date: Date): string {
  return `${date.toISOString().slice(0, 23)}000Z`;
}

/** SQL reading a timestamptz column back as `timestampText` does. */
export function timestampTextSql(column: string): string {
  return `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
}

export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/** A row read back for verification. */
export interface StoredChainRow {
  readonly sequence: string;
  readonly keyed: boolean;
  readonly previousHash: string | null;
  readonly hash: string | null;
  readonly record: ChainRecord;
}

/** A checkpoint: the head of one chain at one moment, as recorded outside the database. */
export interface Checkpoint {
  readonly chain: string;
  readonly database: string;
  readonly sequence: string;
  readonly hash: string;
  readonly at: string;
}

export type ChainVerdict =
  | { readonly chain: string; readonly ok: true; readonly checked: number; readonly checkpoints: number }
  | {
      readonly chain: string;
      readonly ok: false;
      readonly checked: number;
      readonly checkpoints: number;
      readonly brokenAt: string;
      readonly problem: string;
    };

/**
 * Follows a chain row by row (each row must be keyed, name the previous row's hash and hash to its own), and checks
 * that every checkpoint's head is still there with the same hash. Names the first broken row.
 */
export class ChainChecker {
  private previous = GENESIS_HASH;
  private lastSequence: string | null = null;
  private checked = 0;
  private broken: ChainVerdict | null = null;
  /** The latest checkpoint per sequence (several checkpoints may name the same head). */
  private readonly expected = new Map<string, Checkpoint>();

  constructor(
    private readonly chain: string,
    private readonly key: ChainKey,
    private readonly checkpoints: readonly Checkpoint[] = [],
  ) {
    checkpoints.forEach((checkpoint) => this.expected.set(checkpoint.sequence, checkpoint));
  }

  /** False once a broken row is found (later rows are not examined). */
  check(row: StoredChainRow): boolean {
    if (this.broken) return false;
    this.checked++;
    const checkpoint = this.expected.get(row.sequence);
    this.expected.delete(row.sequence);
    if (!row.keyed || row.hash === null || row.previousHash === null) {
      this.fail(row.sequence, 'it is not keyed (written before the chain was keyed, and never re-keyed)');
    } else if (row.previousHash !== this.previous) {
      this.fail(row.sequence, 'it does not follow the previous row (a row was removed, inserted or reordered)');
    } else if (this.key.chainHash(this.previous, row.record) !== row.hash) {
      this.fail(row.sequence, 'its content does not match its hash (the row was altered)');
    } else if (checkpoint && checkpoint.hash !== row.hash) {
      this.fail(row.sequence, `it differs from the checkpoint of ${checkpoint.at} (the chain was rewritten)`);
    }
    this.previous = row.hash ?? '';
    this.lastSequence = row.sequence;
    return !this.broken;
  }

  verdict(): ChainVerdict {
    if (this.broken) return this.broken;
    // Checkpointed heads that were never met: the rows were removed (the last ones, or the chain would have broken).
    const missing = [...this.expected.values()].sort((a, b) => compareSequences(a.sequence, b.sequence))[0];
    if (missing) {
      const end = this.lastSequence ? `the chain ends at #${this.lastSequence}` : 'the chain is empty';
      this.fail(
        missing.sequence,
        `it is missing: the checkpoint of ${missing.at} recorded it as the head, but ${end} (rows were removed)`,
      );
      return this.broken!;
    }
    return { chain: this.chain, ok: true, checked: this.checked, checkpoints: this.checkpoints.length };
  }

  private fail(sequence: string, problem: string): void {
    this.broken = {
      chain: this.chain,
      ok: false,
      checked: this.checked,
      checkpoints: this.checkpoints.length,
      brokenAt: sequence,
      problem,
    };
  }
}

export function compareSequences(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}

/** The unkeyed SHA-256 of the first version of the audit trail (millisecond timestamps): for re-keying only. */
export function legacyAuditHash(previousHash: string, record: ChainRecord): string {
  const canonical = canonicalJson({
    occurredAt: `${String(record['occurred_at']).slice(0, 23)}Z`,
    kind: record['kind'],
    actorId: record['actor_id'],
    subjectType: record['subject_type'],
    subjectId: record['subject_id'],
    details: record['details'],
  });
  return createHash('sha256').update(`${previousHash}\n${canonical}`, 'utf8').digest('hex');
}
