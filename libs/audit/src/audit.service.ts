import { Global, Injectable, Module } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Clock } from '@majlis/kernel';
import { AuditRecord, ChainChecker, ChainVerdict, GENESIS_HASH, StoredAuditEvent, chainHash } from './audit-chain';

/** Security-relevant events the platform keeps. */
export type AuditKind =
  | 'SIGN_IN_SUCCEEDED'
  | 'SIGN_IN_FAILED'
  | 'SESSION_FAMILY_REVOKED'
  | 'PASSWORD_CHANGED'
  | 'PLATFORM_ROLE_CHANGED'
  | 'USER_SUSPENDED'
  | 'USER_REINSTATED'
  | 'MEMBERSHIP_ROLE_CHANGED'
  | 'MEMBERSHIP_REMOVED'
  | 'INVITATION_SENT'
  | 'INVITATION_ACCEPTED'
  | 'ORGANIZATION_VERIFIED'
  | 'ACCOUNT_DELETED'
  | 'PERSONAL_DATA_EXPORTED'
  | 'CONSULTATION_DEADLINE_CHANGED'
  | 'CONSULTATION_RESULTS_PUBLISHED'
  | 'CONSULTATION_RESULTS_EXPORTED';

export interface AuditEventInput {
  readonly kind: AuditKind;
  readonly actorId?: string | null;
  readonly subjectType?: string | null;
  readonly subjectId?: string | null;
  readonly details?: Record<string, unknown>;
}

/** One lock key for the whole chain: appends are serialised so that each row names its predecessor's hash. */
const CHAIN_LOCK = 0x6d616a6c; // "majl"

/**
 * The append-only, hash-chained audit trail. The database refuses UPDATE and DELETE on it; each row carries the
 * hash of the previous one, so altering, removing or inserting a row breaks the chain at that row.
 */
@Injectable()
export class AuditService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clock: Clock,
  ) {}

  /** Appends an event, in the caller's transaction when given one (so it commits or rolls back with the change). */
  async record(event: AuditEventInput, manager?: EntityManager): Promise<void> {
    const append = async (tx: EntityManager) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [CHAIN_LOCK]);
      const [last] = await tx.query('SELECT hash FROM audit_events ORDER BY sequence DESC LIMIT 1');
      const record: AuditRecord = {
        occurredAt: this.clock.now(),
        kind: event.kind,
        actorId: event.actorId ?? null,
        subjectType: event.subjectType ?? null,
        subjectId: event.subjectId ?? null,
        details: event.details ?? {},
      };
      const previousHash: string = last?.hash ?? GENESIS_HASH;
      await tx.query(
        `INSERT INTO audit_events (occurred_at, kind, actor_id, subject_type, subject_id, details, previous_hash, hash)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [
          record.occurredAt,
          record.kind,
          record.actorId,
          record.subjectType,
          record.subjectId,
          record.details,
          previousHash,
          chainHash(previousHash, record),
        ],
      );
    };
    if (manager?.queryRunner?.isTransactionActive) await append(manager);
    else await this.db.transaction(append);
  }

  /** Checks the whole chain, in batches; names the first broken row. */
  async verify(): Promise<ChainVerdict> {
    const checker = new ChainChecker();
    for await (const event of this.rowsInOrder()) if (!checker.check(event)) break;
    return checker.verdict();
  }

  private async *rowsInOrder(): AsyncGenerator<StoredAuditEvent> {
    let after = '0';
    for (;;) {
      const batch: {
        sequence: string;
        occurred_at: Date;
        kind: string;
        actor_id: string | null;
        subject_type: string | null;
        subject_id: string | null;
        details: Record<string, unknown>;
        previous_hash: string;
        hash: string;
      }[] = await this.db.query('SELECT * FROM audit_events WHERE sequence > $1 ORDER BY sequence LIMIT 5000', [after]);
      if (batch.length === 0) return;
      for (const row of batch) {
        yield {
          sequence: String(row.sequence),
          occurredAt: row.occurred_at,
          kind: row.kind,
          actorId: row.actor_id,
          subjectType: row.subject_type,
          subjectId: row.subject_id,
          details: row.details,
          previousHash: row.previous_hash,
          hash: row.hash,
        };
      }
      after = String(batch[batch.length - 1].sequence);
    }
  }
}

@Global()
@Module({ providers: [AuditService], exports: [AuditService] })
export class AuditModule {}
