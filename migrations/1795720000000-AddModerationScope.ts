import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Who moderates a piece of content, kept with its moderation state so the queue can filter in SQL:
 * `platform_moderated` is false for content platform moderators cannot read (a PRIVATE space's threads and replies,
 * an organisation's internal comments on its contribution); `moderating_organization_id` names the organisation
 * whose representatives moderate internal content only its people read. Existing rows are classified from the
 * content they describe.
 */
export class AddModerationScope1795720000000 implements MigrationInterface {
  name = 'AddModerationScope1795720000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE content_moderation ADD COLUMN platform_moderated boolean NOT NULL DEFAULT true`);
    await db.query(`ALTER TABLE content_moderation ADD COLUMN moderating_organization_id uuid`);
    await db.query(
      `UPDATE content_moderation cm SET platform_moderated = false
         FROM spaces s WHERE s.id = cm.space_id AND s.visibility = 'PRIVATE'`,
    );
    await db.query(
      `UPDATE content_moderation cm SET platform_moderated = false, moderating_organization_id = c.organization_id
         FROM comments k JOIN contributions c ON c.id = k.subject_id
        WHERE cm.content_type = 'COMMENT' AND k.id = cm.content_id AND k.subject_type = 'CONTRIBUTION'`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE content_moderation DROP COLUMN moderating_organization_id`);
    await db.query(`ALTER TABLE content_moderation DROP COLUMN platform_moderated`);
  }
}
