import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { HashChains, MODERATION_ACTIONS_CHAIN } from '@majlis/audit';

/** One entry of the append-only moderation log. */
export interface ModerationLogEntry {
  /** Null for automatic actions (AUTO_HIDE). */
  readonly moderatorId: string | null;
  readonly action: string;
  readonly contentType?: string | null;
  readonly contentId?: string | null;
  readonly targetUserId?: string | null;
  readonly reason: string;
  readonly internalNote?: string | null;
  readonly suspendedUntil?: Date | null;
  readonly createdAt: Date;
}

/**
 * The one way an action enters the moderation log: chained with the audit trail's mechanism (an HMAC under a key
 * outside the database, checkpointed, checked by `npm run audit:verify`), in the caller's transaction.
 */
export function appendModerationAction(
  chains: HashChains,
  manager: EntityManager,
  entry: ModerationLogEntry,
): Promise<void> {
  return chains.append(
    MODERATION_ACTIONS_CHAIN,
    {
      id: randomUUID(),
      moderator_id: entry.moderatorId,
      action: entry.action,
      content_type: entry.contentType ?? null,
      content_id: entry.contentId ?? null,
      target_user_id: entry.targetUserId ?? null,
      reason: entry.reason,
      internal_note: entry.internalNote ?? null,
      suspended_until: entry.suspendedUntil ?? null,
      created_at: entry.createdAt,
    },
    manager,
  );
}
