import { MigrationInterface, QueryRunner } from 'typeorm';

/** Documents, their immutable versions and sections; annotations, their anchors per version and revisions. */
export class CreateDocumentsAndAnnotations1795690000000 implements MigrationInterface {
  name = 'CreateDocumentsAndAnnotations1795690000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE documents (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL CHECK (kind IN ('CIRCULAR', 'CONTRACT_PROGRAMME', 'OTHER')),
        reference text NOT NULL CHECK (length(reference) BETWEEN 1 AND 100),
        title text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
        language text NOT NULL CHECK (language IN ('fr', 'ar', 'en')),
        status text NOT NULL CHECK (status IN ('DRAFT', 'OPEN_FOR_COMMENT', 'CLOSED', 'ADOPTED')),
        comments_open_at timestamptz,
        comments_close_at timestamptz,
        created_by_id uuid NOT NULL REFERENCES users (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        CHECK (comments_close_at IS NULL OR comments_open_at IS NULL OR comments_close_at > comments_open_at)
      )`);
    await db.query(`CREATE UNIQUE INDEX documents_reference_key ON documents (lower(reference))`);

    await db.query(`
      CREATE TABLE document_versions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        document_id uuid NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
        number integer NOT NULL CHECK (number >= 1),
        source_markdown text NOT NULL,
        plain_text text NOT NULL,
        change_note text NOT NULL,
        published_by_id uuid NOT NULL REFERENCES users (id),
        published_at timestamptz NOT NULL,
        CONSTRAINT document_versions_number_key UNIQUE (document_id, number)
      )`);

    await db.query(`
      CREATE TABLE document_sections (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        version_id uuid NOT NULL REFERENCES document_versions (id) ON DELETE CASCADE,
        key text NOT NULL,
        number integer NOT NULL,
        title text NOT NULL,
        heading text NOT NULL,
        ordinal integer NOT NULL,
        start_offset integer NOT NULL,
        end_offset integer NOT NULL,
        CONSTRAINT document_sections_key UNIQUE (version_id, key),
        CHECK (end_offset >= start_offset)
      )`);

    await db.query(`
      CREATE TABLE annotations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        document_id uuid NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
        version_id uuid NOT NULL REFERENCES document_versions (id) ON DELETE CASCADE,
        author_id uuid NOT NULL REFERENCES users (id),
        organization_id uuid REFERENCES organizations (id),
        audience_organization_id uuid REFERENCES organizations (id),
        motivation text NOT NULL CHECK (motivation IN ('COMMENTING', 'QUESTIONING', 'AMENDING', 'SUPPORTING', 'OBJECTING')),
        body text NOT NULL CHECK (length(body) <= 10000),
        suggested_text text CHECK (length(suggested_text) <= 10000),
        visibility text NOT NULL CHECK (visibility IN ('PUBLIC', 'ORGANIZATION')),
        status text NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'ANSWERED', 'RESOLVED')),
        disposition text CHECK (disposition IN ('ACCEPTED', 'PARTIALLY_ACCEPTED', 'REJECTED', 'NOTED')),
        disposition_rationale text,
        disposition_by_id uuid REFERENCES users (id),
        disposition_at timestamptz,
        quote_exact text NOT NULL,
        quote_prefix text NOT NULL,
        quote_suffix text NOT NULL,
        start_offset integer NOT NULL,
        end_offset integer NOT NULL,
        section_key text,
        deleted_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        CHECK (end_offset > start_offset AND start_offset >= 0),
        CHECK ((motivation = 'AMENDING') = (suggested_text IS NOT NULL)),
        CHECK (visibility = 'PUBLIC' OR audience_organization_id IS NOT NULL)
      )`);
    await db.query(`CREATE INDEX annotations_document ON annotations (document_id, created_at, id)`);

    await db.query(`
      CREATE TABLE annotation_anchors (
        annotation_id uuid NOT NULL REFERENCES annotations (id) ON DELETE CASCADE,
        version_id uuid NOT NULL REFERENCES document_versions (id) ON DELETE CASCADE,
        status text NOT NULL CHECK (status IN ('EXACT', 'MOVED', 'FUZZY', 'ORPHANED')),
        score real NOT NULL,
        start_offset integer,
        end_offset integer,
        quote_exact text,
        quote_prefix text,
        quote_suffix text,
        section_key text,
        PRIMARY KEY (version_id, annotation_id),
        CHECK ((status = 'ORPHANED') = (start_offset IS NULL))
      )`);
    await db.query(`CREATE INDEX annotation_anchors_annotation ON annotation_anchors (annotation_id)`);

    await db.query(`
      CREATE TABLE annotation_revisions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        annotation_id uuid NOT NULL REFERENCES annotations (id) ON DELETE CASCADE,
        body text NOT NULL,
        suggested_text text,
        edited_by_id uuid NOT NULL REFERENCES users (id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX annotation_revisions_annotation ON annotation_revisions (annotation_id, created_at)`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of [
      'annotation_revisions',
      'annotation_anchors',
      'annotations',
      'document_sections',
      'document_versions',
      'documents',
    ]) {
      await db.query(`DROP TABLE IF EXISTS ${table}`);
    }
  }
}
