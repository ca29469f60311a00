import { Pool } from 'pg';
import { scratchDatabase } from '../support/scratch-database';

/** The migration that keeps answers with history, on a database that already holds answered annotations. */
describe('migration KeepAnswerHistoryAndReportOutcomes on existing rows', () => {
  const scratch = scratchDatabase();
  const { url } = scratch;

  beforeAll(() => scratch.create());
  afterAll(() => scratch.drop());

  it('copies each existing answer into the history, and makes answered annotations not OPEN', async () => {
    await scratch.migrateUpTo('KeepAnswerHistoryAndReportOutcomes1795780000000');
    const db = new Pool({ connectionString: url, max: 1 });
    try {
      const [{ id: userId }] = (
        await db.query(
          `INSERT INTO users (email, display_name, password_hash) VALUES ('m@x.example', 'Modératrice', 'x') RETURNING id`,
        )
      ).rows;
      const [{ id: documentId }] = (
        await db.query(
          `INSERT INTO documents (kind, reference, title, language, status, created_by_id)
           VALUES ('CIRCULAR', 'C', 'T', 'fr', 'OPEN_FOR_COMMENT', $1) RETURNING id`,
          [userId],
        )
      ).rows;
      const [{ id: versionId }] = (
        await db.query(
          `INSERT INTO document_versions (document_id, number, source_markdown, plain_text, change_note, published_by_id, published_at)
           VALUES ($1, 1, 'Texte', 'Texte', 'v1', $2, now()) RETURNING id`,
          [documentId, userId],
        )
      ).rows;
      const annotate = async (status: string, disposition: string | null) =>
        (
          await db.query(
            `INSERT INTO annotations (document_id, version_id, author_id, motivation, body, visibility, status, disposition,
               disposition_rationale, disposition_by_id, disposition_at, quote_exact, quote_prefix, quote_suffix, start_offset, end_offset)
             VALUES ($1, $2, $3, 'QUESTIONING', 'Q ?', 'PUBLIC', $4, $5::text, CASE WHEN $5::text IS NULL THEN NULL ELSE 'Parce que.' END,
               CASE WHEN $5::text IS NULL THEN NULL ELSE $3::uuid END, CASE WHEN $5::text IS NULL THEN NULL ELSE '2026-11-01T10:00:00Z'::timestamptz END,
               'Texte', '', '', 0, 5) RETURNING id`,
            [documentId, versionId, userId, status, disposition],
          )
        ).rows[0].id as string;
      const answeredButOpen = await annotate('OPEN', 'ACCEPTED');
      const resolved = await annotate('RESOLVED', 'NOTED');
      const unanswered = await annotate('OPEN', null);

      await scratch.migrateUpTo();
      const statuses = (await db.query(`SELECT id, status FROM annotations`)).rows;
      expect(new Map(statuses.map((row) => [row.id, row.status]))).toEqual(
        new Map([
          [answeredButOpen, 'ANSWERED'],
          [resolved, 'RESOLVED'],
          [unanswered, 'OPEN'],
        ]),
      );
      const history = (
        await db.query(
          `SELECT annotation_id, disposition, rationale, status, answered_by_id, answered_at FROM annotation_answers ORDER BY disposition`,
        )
      ).rows;
      expect(history).toEqual([
        {
          annotation_id: answeredButOpen,
          disposition: 'ACCEPTED',
          rationale: 'Parce que.',
          status: 'ANSWERED',
          answered_by_id: userId,
          answered_at: new Date('2026-11-01T10:00:00Z'),
        },
        {
          annotation_id: resolved,
          disposition: 'NOTED',
          rationale: 'Parce que.',
          status: 'RESOLVED',
          answered_by_id: userId,
          answered_at: new Date('2026-11-01T10:00:00Z'),
        },
      ]);
    } finally {
      await db.end();
    }
  });
});
