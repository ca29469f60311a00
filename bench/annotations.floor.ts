import { FloorOptions, UUID, send, startFloorServer } from './floor-support';

/**
 * The floor of the annotations page: a bare node:http server answering the same page as the API with one SQL
 * statement through a pg.Pool the size of the API's. It verifies the bearer token's HS256 signature and expiry (the
 * user id is its `sub`) but, unlike the API, does not look the session up.
 * Its statement is prepared (named), once per connection, as the API's hot statements are.
 *
 *   GET /annotations?document=<id>&version=<number> → { annotations: [{ id, motivation, author: { displayName },
 *        organization: { name } | null, replyCount, endorsementCount, anchor: { status, score } }] }
 *
 * The same rules as the API for a reader who is not platform staff: the document is not a draft; the annotation is
 * anchored on the version (not ORPHANED), present (neither deleted nor hidden, its author excepted) or holding its
 * place above live replies, and PUBLIC, the reader's own, or meant for one of the reader's organisations. Replies
 * are counted when neither deleted nor hidden; the organisation spoken for shows when verified or the reader's. In
 * text order (anchor start, then id), 50 at most. The version is looked up first (a sub-select), so that the page
 * reads the version's anchors in that order from their index (migration IndexAnnotationsInReadingOrder) and stops at
 * 50, as the API's statement does.
 */
export const ANNOTATIONS_PAGE_SQL = `
  SELECT a.id, a.motivation, u.display_name, o.name AS organization_name, anchor.status, anchor.score,
         (SELECT count(*)::int FROM comments c
           WHERE c.subject_type = 'ANNOTATION' AND c.subject_id = a.id AND c.deleted_at IS NULL
             AND NOT EXISTS (SELECT 1 FROM content_moderation cm
                              WHERE cm.content_type = 'COMMENT' AND cm.content_id = c.id AND cm.hidden)) AS replies,
         (SELECT count(*)::int FROM endorsements e WHERE e.subject_type = 'ANNOTATION' AND e.subject_id = a.id) AS endorsements
    FROM annotation_anchors anchor
    JOIN annotations a ON a.id = anchor.annotation_id
    LEFT JOIN users u ON u.id = a.author_id
    LEFT JOIN organizations o ON o.id = a.organization_id
          AND (o.verified_at IS NOT NULL OR o.id IN (SELECT m.organization_id FROM memberships m WHERE m.user_id = $3))
   WHERE anchor.version_id = (SELECT v.id FROM document_versions v
                                JOIN documents d ON d.id = v.document_id AND d.status <> 'DRAFT'
                               WHERE v.document_id = $1 AND v.number = $2)
     AND anchor.status <> 'ORPHANED'
     AND ((a.deleted_at IS NULL AND (a.author_id = $3 OR NOT EXISTS (SELECT 1 FROM content_moderation cm
              WHERE cm.content_type = 'ANNOTATION' AND cm.content_id = a.id AND cm.hidden)))
          OR EXISTS (SELECT 1 FROM comments live WHERE live.subject_type = 'ANNOTATION'
                                                   AND live.subject_id = a.id AND live.deleted_at IS NULL))
     AND (a.visibility = 'PUBLIC' OR a.author_id = $3
          OR a.audience_organization_id IN (SELECT m.organization_id FROM memberships m WHERE m.user_id = $3))
   ORDER BY anchor.start_offset, a.id
   LIMIT 50`;

export interface AnnotationsFloor {
  readonly url: string;
  close(): Promise<void>;
}

export function startAnnotationsFloor(options: FloorOptions): Promise<AnnotationsFloor> {
  return startFloorServer(options, async (request, response, userId, pool) => {
    const url = request.url ?? '/';
    if (request.method !== 'GET' || !url.startsWith('/annotations?'))
      return send(response, 404, { error: 'not found' });
    const query = new URLSearchParams(url.slice(url.indexOf('?') + 1));
    const documentId = query.get('document') ?? '';
    const versionNumber = Number(query.get('version'));
    if (!UUID.test(documentId) || !Number.isInteger(versionNumber) || versionNumber < 1)
      return send(response, 400, { error: 'document must be an id and version a number' });
    const { rows } = await pool.query({
      name: 'annotations_page',
      text: ANNOTATIONS_PAGE_SQL,
      values: [documentId, versionNumber, userId],
    });
    send(response, 200, {
      annotations: rows.map((row) => ({
        id: row.id,
        motivation: row.motivation,
        author: row.display_name === null ? null : { displayName: row.display_name },
        organization: row.organization_name === null ? null : { name: row.organization_name },
        replyCount: row.replies,
        endorsementCount: row.endorsements,
        anchor: { status: row.status, score: row.score },
      })),
    });
  });
}
