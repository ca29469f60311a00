import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { z } from 'zod';
import { Actor, Clock, InvalidInputError, parseInput } from '@majlis/kernel';
import { DocumentService } from '@majlis/documents';
import { SpaceService, SubjectRegistry, ThreadService } from '@majlis/discussions';
import { ConsultationService } from '@majlis/consultations';
import type { EmailFrequency, SpaceNotificationLevel } from '../inbox/notification.policy';

export const FOLLOWABLE_TYPES = ['DOCUMENT', 'ARTICLE', 'THREAD', 'SPACE', 'CONSULTATION', 'ANNOTATION'] as const;
export type FollowableType = (typeof FOLLOWABLE_TYPES)[number];
export const SPACE_LEVELS = ['WATCHING', 'NORMAL', 'MUTED'] as const;
export const EMAIL_FREQUENCIES = ['NONE', 'IMMEDIATE', 'DAILY', 'WEEKLY'] as const;

/** An article is followed as `<documentId>:<articleKey>` (its stable key, e.g. `art-3`, kept across versions). */
const followInput = z.object({
  subjectType: z.enum(FOLLOWABLE_TYPES),
  subjectId: z.string().min(1, 'is required').max(200, 'is too long'),
});
export type FollowInput = z.input<typeof followInput>;

const spaceLevelInput = z.object({ spaceId: z.string(), level: z.enum(SPACE_LEVELS) });
const settingsInput = z.object({ emailFrequency: z.enum(EMAIL_FREQUENCIES) });

export interface NotificationSettings {
  readonly emailFrequency: EmailFrequency;
}

/** Following, levels per space and e-mail settings. Nobody follows what they cannot read (NOT_FOUND). */
@Injectable()
export class FollowService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly documents: DocumentService,
    private readonly spaces: SpaceService,
    private readonly threads: ThreadService,
    private readonly consultations: ConsultationService,
    private readonly subjects: SubjectRegistry,
  ) {}

  async follow(actor: Actor, raw: FollowInput): Promise<boolean> {
    const input = parseInput(followInput, raw);
    const subjectId = await this.ensureVisible(actor, input.subjectType, input.subjectId);
    await this.db.query(
      `INSERT INTO follows (user_id, subject_type, subject_id, automatic, created_at) VALUES ($1, $2, $3, false, $4)
       ON CONFLICT (user_id, subject_type, subject_id) DO UPDATE SET automatic = false`,
      [actor.userId, input.subjectType, subjectId, this.clock.now()],
    );
    return true;
  }

  async unfollow(actor: Actor, raw: FollowInput): Promise<boolean> {
    const input = parseInput(followInput, raw);
    const subjectId = await this.ensureVisible(actor, input.subjectType, input.subjectId);
    await this.db.query(`DELETE FROM follows WHERE user_id = $1 AND subject_type = $2 AND subject_id = $3`, [
      actor.userId,
      input.subjectType,
      subjectId,
    ]);
    return false;
  }

  async isFollowing(actor: Actor, raw: FollowInput): Promise<boolean> {
    const input = parseInput(followInput, raw);
    const subjectId = await this.ensureVisible(actor, input.subjectType, input.subjectId);
    const rows: unknown[] = await this.db.query(
      `SELECT 1 FROM follows WHERE user_id = $1 AND subject_type = $2 AND subject_id = $3`,
      [actor.userId, input.subjectType, subjectId],
    );
    return rows.length > 0;
  }

  /** Following what one posts in or replies to: in the writing transaction, never undoing an explicit unfollow. */
  async followAutomatically(
    manager: EntityManager,
    userId: string,
    subjectType: FollowableType,
    subjectId: string,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO follows (user_id, subject_type, subject_id, automatic, created_at) VALUES ($1, $2, $3, true, $4)
       ON CONFLICT (user_id, subject_type, subject_id) DO NOTHING`,
      [userId, subjectType, subjectId, this.clock.now()],
    );
  }

  async spaceLevel(actor: Actor, spaceId: string): Promise<SpaceNotificationLevel> {
    const { space } = await this.spaces.get(actor, spaceId, 'spaceId');
    const [row] = await this.db.query(
      `SELECT level FROM space_notification_levels WHERE user_id = $1 AND space_id = $2`,
      [actor.userId, space.id],
    );
    return row?.level ?? 'NORMAL';
  }

  async setSpaceLevel(actor: Actor, raw: { spaceId: string; level: string }): Promise<SpaceNotificationLevel> {
    const input = parseInput(spaceLevelInput, raw);
    const { space } = await this.spaces.get(actor, input.spaceId, 'spaceId');
    await this.db.query(
      `INSERT INTO space_notification_levels (user_id, space_id, level) VALUES ($1, $2, $3)
       ON CONFLICT (user_id, space_id) DO UPDATE SET level = EXCLUDED.level`,
      [actor.userId, space.id, input.level],
    );
    return input.level;
  }

  async settings(actor: Actor): Promise<NotificationSettings> {
    const [row] = await this.db.query(`SELECT email_frequency FROM notification_settings WHERE user_id = $1`, [
      actor.userId,
    ]);
    return { emailFrequency: row?.email_frequency ?? 'DAILY' };
  }

  async updateSettings(actor: Actor, raw: { emailFrequency: string }): Promise<NotificationSettings> {
    const input = parseInput(settingsInput, raw);
    await this.setFrequency(actor.userId, input.emailFrequency);
    return { emailFrequency: input.emailFrequency };
  }

  /** Also what the signed one-click unsubscribe link does (NONE), without a session. */
  async setFrequency(userId: string, frequency: EmailFrequency): Promise<void> {
    await this.db.query(
      `INSERT INTO notification_settings (user_id, email_frequency) VALUES ($1, $2)
       ON CONFLICT (user_id) DO UPDATE SET email_frequency = EXCLUDED.email_frequency,
                                           version = notification_settings.version + 1`,
      [userId, frequency],
    );
  }

  /** The subject's canonical id, after checking the actor may read it (NOT_FOUND otherwise). */
  private async ensureVisible(actor: Actor, type: FollowableType, id: string): Promise<string> {
    switch (type) {
      case 'DOCUMENT':
        return (await this.documents.get(actor, id, 'subjectId')).id;
      case 'ARTICLE': {
        const [documentId, articleKey] = id.split(':');
        if (!documentId || !articleKey || !/^[a-z0-9-]{1,60}$/.test(articleKey))
          throw InvalidInputError.field('subjectId', 'must be <documentId>:<articleKey>');
        return `${(await this.documents.get(actor, documentId, 'subjectId')).id}:${articleKey}`;
      }
      case 'SPACE':
        return (await this.spaces.get(actor, id, 'subjectId')).space.id;
      case 'THREAD':
        return (await this.threads.get(actor, id)).thread.id;
      case 'CONSULTATION':
        return (await this.consultations.get(actor, id, 'subjectId')).id;
      case 'ANNOTATION':
        await this.subjects.access('ANNOTATION').ensureVisible(actor, id);
        return id;
    }
  }
}
