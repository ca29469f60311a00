import { FloorOptions, FloorServer, UUID, readBody, send, startFloorServer } from './floor-support';

/**
 * The floor: the most direct equivalent of the two API operations — a bare node:http server, raw SQL through a
 * pg.Pool the size of the API's. It verifies the bearer token's HS256 signature and expiry with node:crypto (the
 * user id is its `sub`), but does not look the session up in the database as the API does on every request. Its
 * statements are prepared (named), once per connection, as the API's hot statements are.
 *
 *   GET  /threads?space=<id>  → { threads: [{ id, title, pinned, lastActivityAt, author: { displayName },
 *                                 replyCount, participantCount, unreadCount }] }     (one SQL statement)
 *        the counts read from the schema's stored activity (migration StoreThreadActivity: reply and participant
 *        counts per thread, each reader's own tally and read marker), which the API reads too.
 *   POST /reply { threadId, body } → { id }
 *        one SELECT (thread exists, space readable to the user, thread not locked nor deleted), then one INSERT
 *        of the comment: the schema's trigger (migration StoreThreadActivity) sets the thread's last activity and
 *        its stored counts in the same statement, for the API and the floor alike. (The API also records the reply's event in that
 *        statement; the floor records none.)
 */
export type Floor = FloorServer;

/** The first page (20) of a space's threads, pinned first then by last activity, with counts and unread state. */
export const LIST_THREADS_SQL = `
  WITH page AS (
    SELECT t.id, t.title, t.pinned, t.last_activity_at, t.author_id, t.reply_count, t.participant_count
      FROM threads t
     WHERE t.space_id = $1
       AND ((t.deleted_at IS NULL AND (t.author_id = $2 OR NOT EXISTS (SELECT 1 FROM content_moderation cm
                 WHERE cm.content_type = 'THREAD' AND cm.content_id = t.id AND cm.hidden)))
            OR EXISTS (SELECT 1 FROM comments live WHERE live.subject_type = 'THREAD'
                                             AND live.subject_id = t.id AND live.deleted_at IS NULL))
       AND EXISTS (SELECT 1 FROM spaces s WHERE s.id = $1
                    AND (s.visibility <> 'PRIVATE' OR EXISTS (SELECT 1 FROM space_members m WHERE m.space_id = s.id AND m.user_id = $2)))
     ORDER BY t.pinned DESC, t.last_activity_at DESC, t.id DESC
     LIMIT 20
  )
  SELECT p.id, p.title, p.pinned, p.last_activity_at, u.display_name, p.reply_count AS replies,
         p.participant_count AS participants,
         (p.reply_count - COALESCE(mine.replies, 0) - COALESCE(r.read_replies, 0))::int AS unread
    FROM page p
    LEFT JOIN users u ON u.id = p.author_id
    LEFT JOIN thread_reads r ON r.thread_id = p.id AND r.user_id = $2
    LEFT JOIN thread_participants mine ON mine.thread_id = p.id AND mine.user_id = $2
   ORDER BY p.pinned DESC, p.last_activity_at DESC, p.id DESC`;

const CAN_REPLY_SQL = `
  SELECT t.locked, t.deleted_at IS NOT NULL AS deleted
    FROM threads t JOIN spaces s ON s.id = t.space_id
   WHERE t.id = $1
     AND (s.visibility = 'PUBLIC' OR EXISTS (SELECT 1 FROM space_members m WHERE m.space_id = s.id AND m.user_id = $2 AND m.role <> 'OBSERVER'))`;

const INSERT_REPLY_SQL = `
  INSERT INTO comments (subject_type, subject_id, parent_id, depth, author_id, body)
  VALUES ('THREAD', $1, NULL, 1, $2, $3) RETURNING id`;

export function startFloor(options: FloorOptions): Promise<Floor> {
  return startFloorServer(options, async (request, response, userId, pool) => {
    const url = request.url ?? '/';
    if (request.method === 'GET' && url.startsWith('/threads?')) {
      const spaceId = new URLSearchParams(url.slice(url.indexOf('?') + 1)).get('space') ?? '';
      if (!UUID.test(spaceId)) return send(response, 400, { error: 'space must be an id' });
      const { rows } = await pool.query({ name: 'list_threads', text: LIST_THREADS_SQL, values: [spaceId, userId] });
      return send(response, 200, {
        threads: rows.map((row) => ({
          id: row.id,
          title: row.title,
          pinned: row.pinned,
          lastActivityAt: (row.last_activity_at as Date).toISOString(),
          author: row.display_name === null ? null : { displayName: row.display_name },
          replyCount: row.replies,
          participantCount: row.participants,
          unreadCount: row.unread,
        })),
      });
    }
    if (request.method === 'POST' && url === '/reply') {
      const input = JSON.parse(await readBody(request)) as { threadId?: unknown; body?: unknown };
      if (typeof input.threadId !== 'string' || !UUID.test(input.threadId))
        return send(response, 400, { error: 'threadId must be an id' });
      if (typeof input.body !== 'string' || input.body.trim() === '' || input.body.length > 10_000)
        return send(response, 400, { error: 'bad body' });
      const found = await pool.query<{ locked: boolean; deleted: boolean }>({
        name: 'can_reply',
        text: CAN_REPLY_SQL,
        values: [input.threadId, userId],
      });
      if (found.rowCount === 0) return send(response, 404, { error: 'no such thread' });
      if (found.rows[0].locked || found.rows[0].deleted)
        return send(response, 403, { error: 'thread takes no replies' });
      const inserted = await pool.query<{ id: string }>({
        name: 'insert_reply',
        text: INSERT_REPLY_SQL,
        values: [input.threadId, userId, input.body],
      });
      return send(response, 200, { id: inserted.rows[0].id });
    }
    send(response, 404, { error: 'not found' });
  });
}
