import type { EntityManager } from 'typeorm';

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
 * The one place that appends to the moderation log, in the caller's transaction: every action on content or people
 * (and automatic hiding) goes through here.
 */
export async function appendModerationAction(manager: EntityManager, entry: ModerationLogEntry): Promise<void> {
  await manager.query(
    `INSERT INTO moderation_actions (moderator_id, action, content_type, content_id, target_user_id, reason, internal_note, suspended_until, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [
      entry.moderatorId,
      entry.action,
      entry.contentType ?? null,
      entry.contentId ?? null,
      entry.targetUserId ?? null,
      entry.reason,
      entry.internalNote ?? null,
      entry.suspendedUntil ?? null,
      entry.createdAt,
    ],
  );
}
