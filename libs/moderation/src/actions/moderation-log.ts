import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { ChainSpec, HashChains } from '@majlis/audit';

/**
 * The moderation log as a chain of the audit mechanism: its table, lock and hashed columns. Declared here, beside the
 * log it describes; the app registers it with the audit lib (`AuditOptions.chains`), which re-keys, checkpoints and
 * verifies it after the audit trail. Its table is its name in checkpoints and verdicts: never renamed.
 */
export const MODERATION_ACTIONS_CHAIN: ChainSpec = {
  table: 'moderation_actions',
  lockKey: 0x6d6f646c, // "modl"
  columns: {
    id: 'uuid',
    moderator_id: 'uuid',
    action: 'value',
    content_type: 'value',
    content_id: 'uuid',
    target_user_id: 'uuid',
    reason: 'value',
    internal_note: 'value',
    suspended_until: 'timestamp',
    created_at: 'timestamp',
  },
};

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
