import type { Pool } from 'pg';

export interface AnnotationData {
  readonly documentId: string;
  readonly versionNumber: number;
  readonly versionId: string;
  readonly annotations: number;
  readonly replies: number;
  readonly endorsements: number;
}

/**
 * Bulk-loads, set-based, annotations on the first published version of the sample circular (anchored on it: 4 in
 * 5 EXACT, 1 in 5 FUZZY at 0.85; one in ten ORGANIZATION-visible, one in five spoken for an organisation), replies
 * under them (skewed towards a few) and endorsements (about a third of the authors endorse each one); then VACUUM
 * ANALYZE. The sample data's own annotations stay.
 */
export async function loadAnnotations(
  db: Pool,
  options: { annotations: number; replies: number; authorIds: readonly string[]; organizationIds: readonly string[] },
): Promise<AnnotationData> {
  const [version] = (
    await db.query<{ id: string; document_id: string; number: number; length: number }>(
      `SELECT v.id, v.document_id, v.number, length(v.plain_text) AS length
         FROM document_versions v JOIN documents d ON d.id = v.document_id
        WHERE d.status <> 'DRAFT' ORDER BY v.published_at, v.number LIMIT 1`,
    )
  ).rows;
  await db.query(
    `INSERT INTO annotations (document_id, version_id, author_id, organization_id, audience_organization_id, motivation,
        body, visibility, quote_exact, quote_prefix, quote_suffix, start_offset, end_offset, created_at, updated_at)
     SELECT $1::uuid, $2::uuid, ($3::uuid[])[1 + g % cardinality($3::uuid[])],
            CASE WHEN g % 5 = 0 THEN ($4::uuid[])[1 + g % cardinality($4::uuid[])] END,
            CASE WHEN g % 10 = 0 THEN ($4::uuid[])[1 + (g / 10) % cardinality($4::uuid[])] END,
            (ARRAY['COMMENTING', 'QUESTIONING', 'SUPPORTING', 'OBJECTING'])[1 + g % 4],
            'Annotation ' || g || ': this article should say who reports, to whom, and by when.',
            CASE WHEN g % 10 = 0 THEN 'ORGANIZATION' ELSE 'PUBLIC' END,
            substr(v.plain_text, x.start + 1, 20), '', '', x.start, x.start + 20,
            now() - random() * interval '90 days', now()
       FROM (SELECT g, floor(random() * ($6::int - 25))::int AS start FROM generate_series(1, $5::int) AS g) AS x
       JOIN document_versions v ON v.id = $2::uuid`,
    [version.document_id, version.id, options.authorIds, options.organizationIds, options.annotations, version.length],
  );
  await db.query(
    `INSERT INTO annotation_anchors (annotation_id, version_id, status, score, start_offset, end_offset, quote_exact,
        quote_prefix, quote_suffix)
     SELECT a.id, a.version_id, CASE WHEN a.start_offset % 5 = 0 THEN 'FUZZY' ELSE 'EXACT' END,
            CASE WHEN a.start_offset % 5 = 0 THEN 0.85 ELSE 1 END, a.start_offset, a.end_offset, a.quote_exact, '', ''
       FROM annotations a
      WHERE a.version_id = $1
        AND NOT EXISTS (SELECT 1 FROM annotation_anchors x WHERE x.annotation_id = a.id AND x.version_id = a.version_id)`,
    [version.id],
  );
  await db.query(
    `INSERT INTO comments (subject_type, subject_id, parent_id, depth, author_id, body, created_at, updated_at)
     SELECT 'ANNOTATION', ids.list[1 + floor(cardinality(ids.list) * power(random(), 2))::int],
            NULL, 1, ($2::uuid[])[1 + g % cardinality($2::uuid[])], 'Reply ' || g || '. We agree, with one reservation.',
            now() - random() * interval '60 days', now()
       FROM generate_series(1, $3::int) AS g,
            (SELECT array_agg(id ORDER BY id) AS list FROM annotations WHERE version_id = $1) AS ids`,
    [version.id, options.authorIds, options.replies],
  );
  await db.query(
    `INSERT INTO endorsements (subject_type, subject_id, user_id)
     SELECT 'ANNOTATION', a.id, u.id
       FROM annotations a, unnest($2::uuid[]) WITH ORDINALITY AS u(id, k)
      WHERE a.version_id = $1 AND a.author_id <> u.id AND (abs(hashtext(a.id::text)) + u.k) % 3 = 0
     ON CONFLICT DO NOTHING`,
    [version.id, options.authorIds],
  );
  await db.query(`VACUUM ANALYZE`);
  const [counts] = (
    await db.query<{ annotations: number; replies: number; endorsements: number }>(
      `SELECT (SELECT count(*)::int FROM annotations WHERE version_id = $1) AS annotations,
              (SELECT count(*)::int FROM comments c JOIN annotations a ON a.id = c.subject_id
                WHERE c.subject_type = 'ANNOTATION' AND a.version_id = $1) AS replies,
              (SELECT count(*)::int FROM endorsements e JOIN annotations a ON a.id = e.subject_id
                WHERE e.subject_type = 'ANNOTATION' AND a.version_id = $1) AS endorsements`,
      [version.id],
    )
  ).rows;
  return { documentId: version.document_id, versionNumber: version.number, versionId: version.id, ...counts };
}
