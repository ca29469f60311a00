import { MigrationInterface, QueryRunner } from 'typeorm';

/** Consultations, their questions, eligibility, participating organisations, contributions and submissions. */
export class CreateConsultations1795698000000 implements MigrationInterface {
  name = 'CreateConsultations1795698000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE consultations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
        summary text NOT NULL CHECK (length(summary) <= 10000),
        opens_at timestamptz NOT NULL,
        closes_at timestamptz NOT NULL,
        published_at timestamptz,
        results_published_at timestamptz,
        eligible_kinds text[] NOT NULL DEFAULT '{}',
        document_ids uuid[] NOT NULL DEFAULT '{}',
        space_id uuid REFERENCES spaces (id),
        created_by_id uuid NOT NULL REFERENCES users (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        CHECK (closes_at > opens_at)
      )`);
    await db.query(`
      CREATE TABLE consultation_invitations (
        consultation_id uuid NOT NULL REFERENCES consultations (id) ON DELETE CASCADE,
        organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
        PRIMARY KEY (consultation_id, organization_id)
      )`);
    await db.query(`
      CREATE TABLE consultation_questions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        consultation_id uuid NOT NULL REFERENCES consultations (id) ON DELETE CASCADE,
        position integer NOT NULL,
        kind text NOT NULL CHECK (kind IN ('TEXT', 'SINGLE_CHOICE', 'MULTI_CHOICE', 'SCALE')),
        prompt text NOT NULL CHECK (length(prompt) BETWEEN 1 AND 2000),
        required boolean NOT NULL DEFAULT false,
        options text[] NOT NULL DEFAULT '{}',
        max_length integer,
        document_id uuid REFERENCES documents (id),
        version_id uuid REFERENCES document_versions (id),
        section_key text,
        UNIQUE (consultation_id, position)
      )`);
    await db.query(`
      CREATE TABLE consultation_participations (
        consultation_id uuid NOT NULL REFERENCES consultations (id) ON DELETE CASCADE,
        organization_id uuid NOT NULL REFERENCES organizations (id),
        joined_by_id uuid NOT NULL REFERENCES users (id),
        joined_at timestamptz NOT NULL,
        PRIMARY KEY (consultation_id, organization_id)
      )`);
    await db.query(`
      CREATE TABLE contributions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        consultation_id uuid NOT NULL REFERENCES consultations (id) ON DELETE CASCADE,
        organization_id uuid NOT NULL REFERENCES organizations (id),
        status text NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT', 'SUBMITTED')),
        answers jsonb NOT NULL DEFAULT '{}',
        consent text NOT NULL DEFAULT 'CONFIDENTIAL' CHECK (consent IN ('PUBLIC_NAMED', 'PUBLIC_ANONYMOUS', 'CONFIDENTIAL')),
        updated_by_id uuid REFERENCES users (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        UNIQUE (consultation_id, organization_id)
      )`);
    await db.query(`
      CREATE TABLE contribution_submissions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        contribution_id uuid NOT NULL REFERENCES contributions (id) ON DELETE CASCADE,
        tracking_number text NOT NULL UNIQUE,
        submitted_by_id uuid NOT NULL REFERENCES users (id),
        submitted_at timestamptz NOT NULL,
        canonical text NOT NULL,
        digest text NOT NULL
      )`);
    await db.query(
      `CREATE INDEX contribution_submissions_contribution ON contribution_submissions (contribution_id, submitted_at DESC)`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of [
      'contribution_submissions',
      'contributions',
      'consultation_participations',
      'consultation_questions',
      'consultation_invitations',
      'consultations',
    ]) {
      await db.query(`DROP TABLE IF EXISTS ${table}`);
    }
  }
}
