import { ACCOUNTS } from '../support/demo-accounts';
import { TestApp, startTestApp } from '../support/test-app';

type Account = keyof typeof ACCOUNTS;
const VIEWERS = Object.keys(ACCOUNTS) as Account[];

const POST = `mutation($input: PostCommentInput!) { postComment(input: $input) { comment { id version } } }`;
const EDIT = `mutation($input: EditCommentInput!) { editComment(input: $input) { comment { id } } }`;
const DELETE = `mutation($input: CommentIdInput!) { deleteComment(input: $input) { comment { id } } }`;
const MODERATE = `mutation($input: ModerateContentInput!) { moderateContent(input: $input) { version } }`;
const MARK_READ = `mutation($input: ThreadIdInput!) { markThreadRead(input: $input) { thread { id } } }`;
const THREAD = `query($id: ID!) { thread(id: $id) { replyCount participantCount unreadCount } }`;
const PAGE = `query($id: ID!) { space(id: $id) { threads(first: 50) { edges { node { id replyCount participantCount unreadCount } } } } }`;

interface Activity {
  replyCount: number;
  participantCount: number;
  unreadCount: number;
}

/**
 * A thread's activity is stored and kept by triggers (migration StoreThreadActivity). Through every write that
 * changes it, what each viewer reads (one thread, and a page of them) equals the activity counted afresh from the
 * comments as it was defined before it was stored: replies neither deleted nor hidden (for everyone), the author plus
 * the other authors of such replies, and such replies by others after the viewer's read marker.
 */
describe('threads: stored activity stays exact for every viewer', () => {
  let app: TestApp;
  const token = {} as Record<Account, string>;
  const userId = {} as Record<Account, string>;
  let spaceId: string;

  const gql = async <T>(query: string, variables: Record<string, unknown>, who: Account): Promise<T> => {
    const result = await app.gql<T>(query, variables, token[who]);
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    return result.data!;
  };
  const reply = async (who: Account, threadId: string, parentId?: string) =>
    (
      await gql<{ postComment: { comment: { id: string; version: number } } }>(
        POST,
        { input: { subjectType: 'THREAD', subjectId: threadId, body: `Réponse de ${who}`, parentId } },
        who,
      )
    ).postComment.comment;
  const moderate = async (commentId: string, action: 'HIDE' | 'RESTORE') => {
    const { rows } = await app.db.query(
      `SELECT version FROM content_moderation WHERE content_type = 'COMMENT' AND content_id = $1`,
      [commentId],
    );
    await gql(
      MODERATE,
      {
        input: {
          contentType: 'COMMENT',
          contentId: commentId,
          action,
          reason: 'Vérifié',
          version: rows[0]?.version ?? 0,
        },
      },
      'moderator',
    );
  };
  const markRead = (who: Account, threadId: string) => gql(MARK_READ, { input: { id: threadId } }, who);

  /** The activity counted afresh from the comments, as before it was stored. */
  const counted = async (threadId: string, who: Account): Promise<Activity> => {
    const { rows } = await app.db.query(
      `SELECT count(c.id)::int AS "replyCount",
              (count(DISTINCT c.author_id) FILTER (WHERE c.author_id <> t.author_id) + 1)::int AS "participantCount",
              count(*) FILTER (WHERE c.author_id <> $2
                                 AND c.created_at > COALESCE(r.last_read_at, '-infinity'::timestamptz))::int AS "unreadCount"
         FROM threads t
         LEFT JOIN thread_reads r ON r.thread_id = t.id AND r.user_id = $2
         LEFT JOIN comments c ON c.subject_type = 'THREAD' AND c.subject_id = t.id AND c.deleted_at IS NULL
               AND NOT EXISTS (SELECT 1 FROM content_moderation m
                                WHERE m.content_type = 'COMMENT' AND m.content_id = c.id AND m.hidden)
        WHERE t.id = $1
        GROUP BY t.id, t.author_id`,
      [threadId, userId[who]],
    );
    return rows[0];
  };

  /** Every viewer reads, on the thread and in the space's page, what is counted afresh; returns what they read. */
  const expectExact = async (threadId: string): Promise<Record<Account, Activity>> => {
    const read = {} as Record<Account, Activity>;
    for (const who of VIEWERS) {
      const expected = await counted(threadId, who);
      const one = (await gql<{ thread: Activity }>(THREAD, { id: threadId }, who)).thread;
      type Page = { space: { threads: { edges: { node: Activity & { id: string } }[] } } };
      const inPage = (await gql<Page>(PAGE, { id: spaceId }, who)).space.threads.edges.find(
        (edge) => edge.node.id === threadId,
      )!.node;
      expect({ who, one, inPage: { ...inPage, id: undefined } }).toEqual({
        who,
        one: expected,
        inPage: { ...expected, id: undefined },
      });
      read[who] = one;
    }
    return read;
  };

  beforeAll(async () => {
    app = await startTestApp();
    for (const who of VIEWERS) token[who] = (await app.signIn(ACCOUNTS[who])).accessToken;
    for (const row of (await app.db.query('SELECT id, email FROM users')).rows)
      for (const who of VIEWERS) if (ACCOUNTS[who] === row.email) userId[who] = row.id;
    const fmo = (await app.db.query(`SELECT id FROM organizations WHERE acronym = 'FMO'`)).rows[0].id;
    spaceId = (
      await gql<{ createSpace: { space: { id: string } } }>(
        `mutation($input: CreateSpaceInput!) { createSpace(input: $input) { space { id } } }`,
        { input: { name: 'Comptes', slug: 'comptes-activity', ownerOrganizationId: fmo, visibility: 'PUBLIC' } },
        'federationRepresentative',
      )
    ).createSpace.space.id;
  });
  afterAll(() => app.close());

  it('counts through replies, reads, edits, deletions, hiding and restoring', async () => {
    const threadId = (
      await gql<{ createThread: { thread: { id: string } } }>(
        `mutation($input: CreateThreadInput!) { createThread(input: $input) { thread { id } } }`,
        { input: { spaceId, title: 'Les comptes', body: 'Corps' } },
        'federationMember',
      )
    ).createThread.thread.id;
    expect((await expectExact(threadId)).companyMember).toEqual({ replyCount: 0, participantCount: 1, unreadCount: 0 });

    const first = await reply('companyMember', threadId);
    const nested = await reply('companyMember', threadId, first.id);
    const representative = await reply('companyRepresentative', threadId);
    await reply('federationRepresentative', threadId);
    await reply('federationMember', threadId, nested.id);
    let read = await expectExact(threadId);
    expect(read.otherRepresentative).toEqual({ replyCount: 5, participantCount: 4, unreadCount: 5 });
    expect(read.companyMember.unreadCount).toBe(3);

    await markRead('federationRepresentative', threadId);
    await markRead('companyMember', threadId);
    read = await expectExact(threadId);
    expect(read.federationRepresentative.unreadCount).toBe(0);

    const late = await reply('companyRepresentative', threadId);
    read = await expectExact(threadId);
    expect(read.federationRepresentative).toEqual({ replyCount: 6, participantCount: 4, unreadCount: 1 });

    await gql(EDIT, { input: { id: first.id, body: 'Réponse revue', version: first.version } }, 'companyMember');
    await expectExact(threadId);

    // Hiding a reply read by some uncounts it for everyone, its author and the moderators included; restoring
    // counts it again, and it stays read for those who had read it.
    await moderate(first.id, 'HIDE');
    read = await expectExact(threadId);
    expect(read.moderator.replyCount).toBe(5);
    expect(read.companyMember.replyCount).toBe(5);
    expect(read.federationRepresentative.unreadCount).toBe(1);
    await moderate(first.id, 'RESTORE');
    read = await expectExact(threadId);
    expect(read.federationRepresentative).toEqual({ replyCount: 6, participantCount: 4, unreadCount: 1 });

    // The author deletes both their replies: the reply count drops, then the participant count too.
    await gql(DELETE, { input: { id: late.id } }, 'companyRepresentative');
    read = await expectExact(threadId);
    expect(read.federationRepresentative).toEqual({ replyCount: 5, participantCount: 4, unreadCount: 0 });
    await gql(DELETE, { input: { id: representative.id } }, 'companyRepresentative');
    read = await expectExact(threadId);
    expect(read.admin).toEqual({ replyCount: 4, participantCount: 3, unreadCount: 4 });

    // Hiding the only reply of a participant takes them out; a deleted reply hidden later changes nothing.
    const lone = await reply('otherRepresentative', threadId);
    await moderate(lone.id, 'HIDE');
    read = await expectExact(threadId);
    expect(read.admin).toEqual({ replyCount: 4, participantCount: 3, unreadCount: 4 });
    await moderate(representative.id, 'HIDE');
    await moderate(lone.id, 'RESTORE');
    read = await expectExact(threadId);
    expect(read.admin).toEqual({ replyCount: 5, participantCount: 4, unreadCount: 5 });
  });

  it('keeps what the counters store equal to counting them again (recount_thread_activity)', async () => {
    const stored = async () =>
      (
        await app.db.query(
          `SELECT t.id, t.reply_count, t.participant_count,
                  (SELECT json_agg(json_build_array(p.user_id, p.replies) ORDER BY p.user_id) FROM thread_participants p
                    WHERE p.thread_id = t.id AND p.replies > 0) AS participants,
                  (SELECT json_agg(json_build_array(r.user_id, r.read_replies) ORDER BY r.user_id) FROM thread_reads r
                    WHERE r.thread_id = t.id) AS reads
             FROM threads t WHERE t.space_id = $1 ORDER BY t.id`,
          [spaceId],
        )
      ).rows;
    const before = await stored();
    expect(before.length).toBeGreaterThan(0);
    expect(before.some((row) => row.reply_count > 0 && row.reads !== null)).toBe(true);
    await app.db.query(`SELECT recount_thread_activity(ARRAY(SELECT id FROM threads WHERE space_id = $1))`, [spaceId]);
    expect(await stored()).toEqual(before);
  });
});
