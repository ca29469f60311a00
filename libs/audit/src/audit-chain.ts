import { createHash } from 'node:crypto';

/** The content of an audit event that its hash covers. */
export interface AuditRecord {
  readonly occurredAt: Date;
  readonly kind: string;
  readonly actorId: string | null;
  readonly subjectType: string | null;
  readonly subjectId: string | null;
  readonly details: Record<string, unknown>;
}

export const GENESIS_HASH = '0'.repeat(64);

/** SHA-256 of the previous hash and the record in canonical JSON (keys sorted at every level). */
export function chainHash(previousHash: string, record: AuditRecord): string {
  const canonical = canonicalJson({
    occurredAt: record.occurredAt.toISOString(),
    kind: record.kind,
    actorId: record.actorId,
    subjectType: record.subjectType,
    subjectId: record.subjectId,
    details: record.details,
  });
  return createHash('sha256').update(`${previousHash}\n${canonical}`, 'utf8').digest('hex');
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

export interface StoredAuditEvent extends AuditRecord {
  readonly sequence: string;
  readonly previousHash: string;
  readonly hash: string;
}

export type ChainVerdict =
  | { readonly ok: true; readonly checked: number }
  | { readonly ok: false; readonly checked: number; readonly brokenAt: string; readonly problem: string };

/** Follows the chain row by row: each row must name the previous row's hash and hash to its own. */
export class ChainChecker {
  private previous = GENESIS_HASH;
  private checked = 0;
  private broken: ChainVerdict | null = null;

  /** False once a broken row is found (later rows are not examined). */
  check(event: StoredAuditEvent): boolean {
    if (this.broken) return false;
    this.checked++;
    if (event.previousHash !== this.previous) {
      this.broken = {
        ok: false,
        checked: this.checked,
        brokenAt: event.sequence,
        problem: 'it does not follow the previous row (a row was removed, inserted or reordered)',
      };
    } else if (chainHash(this.previous, event) !== event.hash) {
      this.broken = {
        ok: false,
        checked: this.checked,
        brokenAt: event.sequence,
        problem: 'its content does not match its hash (the row was altered)',
      };
    }
    this.previous = event.hash;
    return !this.broken;
  }

  verdict(): ChainVerdict {
    return this.broken ?? { ok: true, checked: this.checked };
  }
}

export function verifyChain(events: Iterable<StoredAuditEvent>): ChainVerdict {
  const checker = new ChainChecker();
  for (const event of events) if (!checker.check(event)) break;
  return checker.verdict();
}
