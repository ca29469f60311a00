import { DynamicModule, Global, Injectable, Module } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Clock } from '@majlis/kernel';
import { AUDIT_EVENTS_CHAIN } from './audit-chain';
import { AUDIT_OPTIONS, AuditOptions, HashChains, TrailVerdict } from './hash-chains';

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
  | 'INVITATION_RESENT'
  | 'INVITATION_REVOKED'
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

/** Personal values never written in clear into the trail: each is replaced by its keyed pseudonym. */
const PSEUDONYMISED: Readonly<Record<string, string>> = { email: 'emailHash' };

/**
 * The append-only audit trail. The database refuses UPDATE and DELETE on it; each row carries the HMAC of the
 * previous one under a key kept out of the database (`HashChains`), so altering, removing or inserting a row breaks
 * the chain at that row. Personal values (e-mail addresses) are stored as keyed pseudonyms, so erasing a person
 * leaves nothing of theirs in clear while the chain stays intact.
 */
@Injectable()
export class AuditService {
  constructor(
    private readonly chains: HashChains,
    private readonly clock: Clock,
  ) {}

  /** Appends an event, in the caller's transaction when given one (so it commits or rolls back with the change). */
  async record(event: AuditEventInput, manager?: EntityManager): Promise<void> {
    await this.chains.append(
      AUDIT_EVENTS_CHAIN,
      {
        occurred_at: this.clock.now(),
        kind: event.kind,
        actor_id: event.actorId ?? null,
        subject_type: event.subjectType ?? null,
        subject_id: event.subjectId ?? null,
        details: this.pseudonymised(event.details ?? {}),
      },
      manager,
    );
  }

  /** The pseudonym an e-mail address has in the trail (to find the events about an address one already knows). */
  emailHash(email: string): string {
    return this.chains.key.pseudonymOf(email);
  }

  /** Checks the audit trail and the registered chains (the moderation log) against the key and the checkpoints. */
  verify(): Promise<TrailVerdict> {
    return this.chains.verify();
  }

  private pseudonymised(details: Record<string, unknown>): Record<string, unknown> {
    return Object.fromEntries(
      Object.entries(details).map(([field, value]) =>
        PSEUDONYMISED[field] && typeof value === 'string'
          ? [PSEUDONYMISED[field], this.chains.key.pseudonymOf(value)]
          : [field, value],
      ),
    );
  }
}

/** The audit trail and the chains' mechanism, for the whole application (`forRoot` once, with the key). */
@Global()
@Module({})
export class AuditModule {
  static forRoot(options: AuditOptions): DynamicModule {
    return {
      module: AuditModule,
      providers: [{ provide: AUDIT_OPTIONS, useValue: options }, HashChains, AuditService],
      exports: [AuditService, HashChains],
    };
  }
}
