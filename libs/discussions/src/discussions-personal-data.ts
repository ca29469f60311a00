import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { PersonalDataRegistry } from '@majlis/identity';

/**
 * A person's threads, comments, endorsements, read state and direct space memberships, for their data export.
 * On account deletion their threads and comments stay (attributed to "Former member"); endorsements, read state,
 * mentions of them and their direct space memberships are erased.
 */
@Injectable()
export class DiscussionsPersonalData implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly registry: PersonalDataRegistry,
  ) {}

  onModuleInit(): void {
    this.registry.register({
      section: 'threads',
      collect: (userId) =>
        this.db.query(
          `SELECT t.id, s.name AS space, t.title, t.body, t.tags, t.created_at AS "createdAt", t.deleted_at AS "deletedAt"
             FROM threads t JOIN spaces s ON s.id = t.space_id WHERE t.author_id = $1 ORDER BY t.created_at`,
          [userId],
        ),
    });
    this.registry.register({
      section: 'comments',
      collect: (userId) =>
        this.db.query(
          `SELECT c.id, c.subject_type AS "subjectType", c.subject_id AS "subjectId", c.body, c.created_at AS "createdAt", c.deleted_at AS "deletedAt",
                  COALESCE((SELECT json_agg(json_build_object('body', r.body, 'replacedAt', r.created_at) ORDER BY r.created_at)
                              FROM comment_revisions r WHERE r.comment_id = c.id), '[]') AS "earlierTexts"
             FROM comments c WHERE c.author_id = $1 ORDER BY c.created_at`,
          [userId],
        ),
    });
    this.registry.register({
      section: 'endorsements',
      collect: (userId) =>
        this.db.query(
          `SELECT subject_type AS "subjectType", subject_id AS "subjectId", created_at AS "createdAt" FROM endorsements WHERE user_id = $1 ORDER BY created_at`,
          [userId],
        ),
      erase: async (manager, userId) => {
        await manager.query(`DELETE FROM endorsements WHERE user_id = $1`, [userId]);
      },
    });
    this.registry.register({
      section: 'spaces',
      collect: (userId) =>
        this.db.query(
          `SELECT s.name AS space, m.role, m.created_at AS "since" FROM space_members m JOIN spaces s ON s.id = m.space_id WHERE m.user_id = $1 ORDER BY m.created_at`,
          [userId],
        ),
      erase: async (manager, userId) => {
        await manager.query(`DELETE FROM space_members WHERE user_id = $1`, [userId]);
        await manager.query(`DELETE FROM thread_reads WHERE user_id = $1`, [userId]);
        await manager.query(`DELETE FROM comment_mentions WHERE user_id = $1`, [userId]);
      },
    });
  }
}
