import type { Pool } from 'pg';

/** A rare word, put in few items (the selective query), and the frequent one is a word of the circular. */
export const SELECTIVE_WORD = 'zyqsélectif';
export const FREQUENT_WORD = 'entreprises';

const ARABIC = [
  'الاستثمار',
  'المقاولات',
  'التكوين',
  'الدعم',
  'المنطقة',
  'التشغيل',
  'الصناعية',
  'المغرب',
  'الإدارة',
  'التنمية',
];

/**
 * Bulk-loads annotations on the sample circular's first version and comments under them, with generate_series (no
 * row-by-row inserts): each text is 8 to 24 words drawn from the circular's own vocabulary (French) and a few
 * Arabic words; one in ten annotations is ORGANIZATION-visible; SELECTIVE_WORD is put in ~150 items (≤ 200 hits), FREQUENT_WORD in one item in four (and in the circular). The GIN indexes
 * are dropped during the load and rebuilt after (as one would for a bulk import), then VACUUM ANALYZE.
 */
export async function loadSearchData(
  db: Pool,
  options: { annotations: number; comments: number; authorIds: readonly string[]; organizationIds: readonly string[] },
): Promise<{ documentId: string; versionId: string }> {
  const [version] = (
    await db.query<{ id: string; document_id: string; plain_text: string }>(
      `SELECT v.id, v.document_id, v.plain_text FROM document_versions v ORDER BY v.published_at LIMIT 1`,
    )
  ).rows;
  await db.query(`DROP INDEX comments_search`);
  await db.query(`DROP INDEX annotations_search`);
  await db.query(
    `CREATE TEMPORARY TABLE IF NOT EXISTS bench_words AS
      SELECT array_agg(DISTINCT word) AS words FROM regexp_split_to_table(lower($1), '[^[:alpha:]]+') AS word
       WHERE length(word) > 3`.replace('$1', quote(version.plain_text)),
  );
  const arabic = `ARRAY[${ARABIC.map(quote).join(', ')}]`;
  // A text of 8–24 words; `g` makes the subquery depend on the row, so that each row gets its own.
  const text = (g: string, selectiveEvery: number) => `(
      SELECT string_agg(CASE WHEN i % 9 = 0 THEN (${arabic})[1 + floor(random() * ${ARABIC.length})::int]
                             ELSE w.words[1 + floor(random() * cardinality(w.words))::int] END, ' ')
             || CASE WHEN ${g} % ${selectiveEvery} = 0 THEN ' ${SELECTIVE_WORD}' ELSE '' END
             || CASE WHEN ${g} % 4 = 1 THEN ' ${FREQUENT_WORD}' ELSE '' END
        FROM bench_words w, generate_series(1, 8 + (${g} % 17)) AS i)`;
  await db.query(
    `INSERT INTO annotations (document_id, version_id, author_id, organization_id, audience_organization_id, motivation,
        body, visibility, quote_exact, quote_prefix, quote_suffix, start_offset, end_offset, created_at, updated_at)
     SELECT $1::uuid, $2::uuid, ($3::uuid[])[1 + g % cardinality($3::uuid[])], NULL,
            CASE WHEN g % 10 = 0 THEN ($4::uuid[])[1 + g % cardinality($4::uuid[])] END,
            (ARRAY['COMMENTING', 'QUESTIONING', 'SUPPORTING', 'OBJECTING'])[1 + g % 4],
            ${text('g', 2001)},
            CASE WHEN g % 10 = 0 THEN 'ORGANIZATION' ELSE 'PUBLIC' END,
            'Article', '', '', 0, 7, now() - random() * interval '90 days', now()
       FROM generate_series(1, $5::int) AS g`,
    [version.document_id, version.id, options.authorIds, options.organizationIds, options.annotations],
  );
  await db.query(
    `INSERT INTO comments (subject_type, subject_id, depth, author_id, body, created_at, updated_at)
     SELECT 'ANNOTATION', a.ids[1 + floor(random() * cardinality(a.ids))::int],
            1, ($2::uuid[])[1 + g % cardinality($2::uuid[])], ${text('g', 10000)}, now() - random() * interval '90 days', now()
       FROM (SELECT array_agg(id) AS ids FROM annotations) a, generate_series(1, $1::int) AS g`,
    [options.comments, options.authorIds],
  );
  await db.query(`CREATE INDEX comments_search ON comments USING gin (search_vector)`);
  await db.query(`CREATE INDEX annotations_search ON annotations USING gin (search_vector)`);
  await db.query(`VACUUM ANALYZE`);
  return { documentId: version.document_id, versionId: version.id };
}

function quote(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}
