import type { Pool } from 'pg';

export interface BenchData {
  readonly threadIds: string[];
  readonly threads: number;
  readonly comments: number;
  readonly threadReads: number;
}

export interface LoadOptions {
  readonly spaceId: string;
  /** Who reads: gets thread_reads rows on part of the threads. */
  readonly readerId: string;
  /** Authors of threads and comments (the demo users). */
  readonly authorIds: readonly string[];
  readonly threads: number;
  readonly comments: number;
}

const LOREM =
  'Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore ' +
  'magna aliqua. Ut enim ad minim veniam, quis nostrud exercitation ullamco laboris nisi ut aliquip ex ea commodo.';

/**
 * Bulk-loads a space's threads and their comments with generate_series: comments are skewed towards the first
 * threads (index = ⌊n·u²⌋: from ≈ n/threads/5 to ≈ 45× that per thread) and spread over the last 90 days; the reader
 * has read ~60 % of the threads at a random moment, so unread counts vary from 0 to all.
 */
export async function loadThreads(db: Pool, options: LoadOptions): Promise<BenchData> {
  const authors = [...options.authorIds];
  await db.query(
    `INSERT INTO threads (space_id, title, body, tags, author_id, pinned, locked, created_at, updated_at, last_activity_at, last_activity_by_id)
     SELECT $1::uuid,
            'Thread ' || g || ': article ' || (1 + g % 40) || ' of the circular',
            'Opening post ' || g || '. ' || $4::text,
            ARRAY['tag-' || (g % 7)],
            ($2::uuid[])[1 + g % cardinality($2::uuid[])],
            g <= 2,
            false,
            now() - interval '120 days' + g * interval '1 minute',
            now() - interval '120 days' + g * interval '1 minute',
            now() - interval '120 days' + g * interval '1 minute',
            ($2::uuid[])[1 + g % cardinality($2::uuid[])]
       FROM generate_series(1, $3::int) AS g`,
    [options.spaceId, authors, options.threads, LOREM],
  );
  const { rows } = await db.query<{ id: string }>(
    `SELECT id FROM threads WHERE space_id = $1 ORDER BY created_at, id`,
    [options.spaceId],
  );
  const threadIds = rows.map((row) => row.id);

  // The trigger that sets a thread's last activity and counts on each reply (StoreThreadActivity) would update a
  // thread per comment here: off for the bulk load, whose activity the statements below set at once.
  await db.query(`ALTER TABLE comments DISABLE TRIGGER comments_thread_activity`);
  await db.query(
    `INSERT INTO comments (subject_type, subject_id, parent_id, depth, author_id, body, created_at, updated_at)
     SELECT 'THREAD', x.thread_id, NULL, 1, x.author_id, 'Reply ' || x.g || '. ' || $4::text, x.at, x.at
       FROM (SELECT g,
                    ($1::uuid[])[1 + floor(cardinality($1::uuid[]) * power(random(), 2))::int] AS thread_id,
                    ($2::uuid[])[1 + floor(random() * cardinality($2::uuid[]))::int] AS author_id,
                    now() - random() * interval '90 days' AS at
               FROM generate_series(1, $3::int) AS g) AS x`,
    [threadIds, authors, options.comments, LOREM],
  );
  await db.query(`ALTER TABLE comments ENABLE TRIGGER comments_thread_activity`);

  await db.query(
    `UPDATE threads t SET last_activity_at = latest.created_at, last_activity_by_id = latest.author_id
       FROM (SELECT DISTINCT ON (subject_id) subject_id, created_at, author_id
               FROM comments WHERE subject_type = 'THREAD' AND subject_id = ANY($1::uuid[])
              ORDER BY subject_id, created_at DESC, id DESC) AS latest
      WHERE t.id = latest.subject_id`,
    [threadIds],
  );

  // The reader has opened 3 threads out of 5, at a random moment of the last 90 days.
  await db.query(
    `INSERT INTO thread_reads (user_id, thread_id, last_read_at)
     SELECT $2::uuid, id, now() - random() * interval '90 days'
       FROM unnest($1::uuid[]) WITH ORDINALITY AS t(id, n)
      WHERE n % 5 < 3`,
    [threadIds, options.readerId],
  );

  // The stored counts (replies, participants, each reader's read replies), as the migration back-fills them.
  await db.query(`SELECT recount_thread_activity($1::uuid[])`, [threadIds]);

  // What autovacuum would do after a bulk load: statistics, and the visibility map.
  await db.query(`VACUUM ANALYZE comments`);
  await db.query(`VACUUM ANALYZE threads`);
  await db.query(`VACUUM ANALYZE thread_reads`);
  await db.query(`VACUUM ANALYZE thread_participants`);

  return { threadIds, ...(await countData(db, options.spaceId)) };
}

export async function countData(
  db: Pool,
  spaceId: string,
): Promise<{ threads: number; comments: number; threadReads: number }> {
  const { rows } = await db.query<{ threads: number; comments: number; reads: number }>(
    `SELECT (SELECT count(*)::int FROM threads WHERE space_id = $1) AS threads,
            (SELECT count(*)::int FROM comments c JOIN threads t ON t.id = c.subject_id AND c.subject_type = 'THREAD' WHERE t.space_id = $1) AS comments,
            (SELECT count(*)::int FROM thread_reads r JOIN threads t ON t.id = r.thread_id WHERE t.space_id = $1) AS reads`,
    [spaceId],
  );
  return { threads: rows[0].threads, comments: rows[0].comments, threadReads: rows[0].reads };
}
