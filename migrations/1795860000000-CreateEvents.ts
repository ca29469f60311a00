import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The one record of what happened (`libs/kernel` `recordEvent`): a row per domain event, written in the transaction
 * of the write that causes it, numbered by a sequence. Live updates read it to catch up after a reconnection, and
 * notifications are derived from the same rows. Payloads are ids only: readers check rights when they deliver.
 */
export class CreateEvents1795860000000 implements MigrationInterface {
  name = 'CreateEvents1795860000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE events (
        seq bigserial PRIMARY KEY,
        type text NOT NULL CHECK (type ~ '^[A-Z][A-Z_]*$'),
        subject_type text NOT NULL CHECK (subject_type ~ '^[A-Z][A-Z_]*$'),
        subject_id uuid NOT NULL,
        parent_type text CHECK (parent_type ~ '^[A-Z][A-Z_]*$'),
        parent_id uuid,
        document_id uuid,
        space_id uuid,
        thread_id uuid,
        consultation_id uuid,
        actor_id uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((parent_type IS NULL) = (parent_id IS NULL))
      )`);
    await db.query(`CREATE INDEX events_document ON events (document_id, seq) WHERE document_id IS NOT NULL`);
    await db.query(`CREATE INDEX events_space ON events (space_id, seq) WHERE space_id IS NOT NULL`);
    await db.query(`CREATE INDEX events_created_at ON events (created_at)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE events`);
  }
}
