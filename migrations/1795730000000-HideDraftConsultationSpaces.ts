import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A consultation's space is now opened when it is published. Spaces that older drafts opened at creation (named
 * after the draft's title) become PRIVATE, readable by their members only, until their consultation is published.
 */
export class HideDraftConsultationSpaces1795730000000 implements MigrationInterface {
  name = 'HideDraftConsultationSpaces1795730000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      `UPDATE spaces SET visibility = 'PRIVATE'
        WHERE id IN (SELECT space_id FROM consultations WHERE published_at IS NULL AND space_id IS NOT NULL)`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(
      `UPDATE spaces SET visibility = 'RESTRICTED'
        WHERE id IN (SELECT space_id FROM consultations WHERE published_at IS NULL AND space_id IS NOT NULL)`,
    );
  }
}
