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

/** Distinct texts built once; every row takes one of them (plus its own rare and frequent words). */
const TEXTS = 16_384;

/**
 * Bulk-loads annotations on the sample circular's first version and comments under them, set-based (INSERT … SELECT
 * over generate_series; no row-by-row inserts): each text is 8 to 24 words drawn from the circular's own vocabulary
 * (French) and a few Arabic words, taken from a pool of TEXTS texts built once (building a text per row, or picking
 * from a big array per row, detoasts that array each time: it made the load take minutes). One annotation in ten is
 * ORGANIZATION-visible; SELECTIVE_WORD is put in ~150 items (≤ 200 hits), FREQUENT_WORD in one item in four (and in
 * the circular). The generated `search_vector` columns index every row as any write does (nothing is disabled); the
 * two GIN indexes are dropped during the load and rebuilt after (as one would for a bulk import, same result), the
 * comments in two concurrent chunks (the two pool connections); then VACUUM ANALYZE.
 */
export async function loadSearchData(
  db: Pool,
  options: { annotations: number; comments: number; authorIds: readonly string[]; organizationIds: readonly string[] },
): Promise<{ documentId: string; versionId: string; phases: string }> {
  const phases: string[] = [];
  let since = Date.now();
  const phase = (label: string) => {
    phases.push(`${label} ${((Date.now() - since) / 1000).toFixed(1)} s`);
    since = Date.now();
  };
  const [version] = (
    await db.query<{ id: string; document_id: string; plain_text: string }>(
      `SELECT v.id, v.document_id, v.plain_text FROM document_versions v ORDER BY v.published_at LIMIT 1`,
    )
  ).rows;
  await db.query(`DROP INDEX comments_search`);
  await db.query(`DROP INDEX annotations_search`);
  // Words numbered 1..n (the circular's), and -1..-10 (Arabic), then the pool of texts, joined by number (hash join).
  await db.query(
    `CREATE UNLOGGED TABLE bench_words AS
       SELECT row_number() OVER (ORDER BY word)::int AS k, word
         FROM (SELECT DISTINCT word FROM regexp_split_to_table(lower($1::text), '[^[:alpha:]]+') AS word
                WHERE length(word) > 3) words
       UNION ALL SELECT -ordinality::int, word FROM unnest($2::text[]) WITH ORDINALITY AS arabic(word)`,
    [version.plain_text, ARABIC],
  );
  await db.query(
    `CREATE UNLOGGED TABLE bench_texts AS
       SELECT picks.t, string_agg(w.word, ' ' ORDER BY picks.i) AS body
         FROM (SELECT t, i, CASE WHEN i % 9 = 0 THEN -(1 + floor(random() * ${ARABIC.length})::int)
                                 ELSE 1 + floor(random() * (SELECT count(*) FROM bench_words WHERE k > 0))::int END AS k
                 FROM generate_series(0, ${TEXTS - 1}) AS t, generate_series(1, 8 + t % 17) AS i) picks
         JOIN bench_words w ON w.k = picks.k
        GROUP BY picks.t`,
  );
  phase('texts');
  const body = (g: string, selectiveEvery: number) =>
    `texts.body || CASE WHEN ${g} % ${selectiveEvery} = 0 THEN ' ${SELECTIVE_WORD}' ELSE '' END
       || CASE WHEN ${g} % 4 = 1 THEN ' ${FREQUENT_WORD}' ELSE '' END`;
  await db.query(
    `INSERT INTO annotations (document_id, version_id, author_id, organization_id, audience_organization_id, motivation,
        body, visibility, quote_exact, quote_prefix, quote_suffix, start_offset, end_offset, created_at, updated_at)
     SELECT $1::uuid, $2::uuid, ($3::uuid[])[1 + g % cardinality($3::uuid[])], NULL,
            CASE WHEN g % 10 = 0 THEN ($4::uuid[])[1 + g % cardinality($4::uuid[])] END,
            (ARRAY['COMMENTING', 'QUESTIONING', 'SUPPORTING', 'OBJECTING'])[1 + g % 4],
            ${body('g', 2001)},
            CASE WHEN g % 10 = 0 THEN 'ORGANIZATION' ELSE 'PUBLIC' END,
            'Article', '', '', 0, 7, now() - random() * interval '90 days', now()
       FROM generate_series(1, $5::int) AS g JOIN bench_texts texts ON texts.t = (g::bigint * 7919) % ${TEXTS}`,
    [version.document_id, version.id, options.authorIds, options.organizationIds, options.annotations],
  );
  phase('annotations');
  await db.query(
    `CREATE UNLOGGED TABLE bench_annotations AS
       SELECT (row_number() OVER (ORDER BY id) - 1)::int AS n, id FROM annotations`,
  );
  const [{ count }] = (await db.query<{ count: number }>(`SELECT count(*)::int AS count FROM bench_annotations`)).rows;
  const half = Math.ceil(options.comments / 2);
  const chunk = (from: number, to: number) =>
    db.query(
      `INSERT INTO comments (subject_type, subject_id, depth, author_id, body, created_at, updated_at)
       SELECT 'ANNOTATION', subject.id, 1, ($1::uuid[])[1 + g % cardinality($1::uuid[])], ${body('g', 10000)},
              now() - random() * interval '90 days', now()
         FROM generate_series($2::int, $3::int) AS g
         JOIN bench_texts texts ON texts.t = (g::bigint * 7919) % ${TEXTS}
         JOIN bench_annotations subject ON subject.n = (g::bigint * 104729) % ${count}`,
      [options.authorIds, from, to],
    );
  await Promise.all([chunk(1, half), chunk(half + 1, options.comments)]);
  await db.query(`DROP TABLE bench_words, bench_texts, bench_annotations`);
  phase('comments');
  await Promise.all([
    db.query(`CREATE INDEX comments_search ON comments USING gin (search_vector)`),
    db.query(`CREATE INDEX annotations_search ON annotations USING gin (search_vector)`),
  ]);
  phase('GIN indexes');
  await db.query(`VACUUM ANALYZE`);
  phase('VACUUM ANALYZE');
  return { documentId: version.document_id, versionId: version.id, phases: phases.join(', ') };
}
