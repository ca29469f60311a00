import { ACCOUNTS } from '../support/demo-accounts';
import { TestApp, outcome, startTestApp } from '../support/test-app';

/**
 * Deleting what is already a tombstone (a second click, a retried request, two deletes at once) changes nothing:
 * same tombstone, same version, one deletion event (`softDelete` in authored-content.ts).
 */
const CREATE_THREAD = `mutation($input: CreateThreadInput!) { createThread(input: $input) { thread { id } } }`;
const POST = `mutation($input: PostCommentInput!) { postComment(input: $input) { comment { id } } }`;
const DELETE_THREAD = `mutation($input: ThreadIdInput!) { deleteThread(input: $input) { thread { id } } }`;
const DELETE_COMMENT = `mutation($input: CommentIdInput!) { deleteComment(input: $input) { comment { id } } }`;

describe('deleting a tombstone again', () => {
  let app: TestApp;
  let author: string;
  let replier: string;
  let spaceId: string;

  async function post(subjectId: string, parentId?: string): Promise<string> {
    const posted = await app.gql<{ postComment: { comment: { id: string } } }>(
      POST,
      { input: { subjectType: 'THREAD', subjectId, body: 'Réponse', ...(parentId ? { parentId } : {}) } },
      replier,
    );
    if (posted.errors) throw new Error(JSON.stringify(posted.errors));
    return posted.data!.postComment.comment.id;
  }

  async function newThread(): Promise<string> {
    const created = await app.gql<{ createThread: { thread: { id: string } } }>(
      CREATE_THREAD,
      { input: { spaceId, title: 'Sujet', body: 'Corps' } },
      author,
    );
    return created.data!.createThread.thread.id;
  }

  async function state(table: 'threads' | 'comments', id: string) {
    const { rows } = await app.db.query(
      `SELECT t.version, t.deleted_at,
              (SELECT count(*)::int FROM events e WHERE e.subject_id = t.id AND e.type LIKE '%\\_DELETED') AS deletions
         FROM ${table} t WHERE t.id = $1`,
      [id],
    );
    return rows[0] as { version: number; deleted_at: Date; deletions: number };
  }

  beforeAll(async () => {
    app = await startTestApp();
    author = (await app.signIn(ACCOUNTS.federationRepresentative)).accessToken;
    replier = (await app.signIn(ACCOUNTS.companyMember)).accessToken;
    const fmo = (await app.db.query(`SELECT id FROM organizations WHERE acronym = 'FMO'`)).rows[0].id;
    spaceId = (
      await app.gql<{ createSpace: { space: { id: string } } }>(
        `mutation($input: CreateSpaceInput!) { createSpace(input: $input) { space { id } } }`,
        { input: { name: 'Agora bis', slug: 'agora-idempotent', ownerOrganizationId: fmo, visibility: 'PUBLIC' } },
        author,
      )
    ).data!.createSpace.space.id;
  });
  afterAll(() => app.close());

  it('keeps a thread’s tombstone, version and single event on a second delete', async () => {
    const threadId = await newThread();
    await post(threadId); // a live reply keeps the tombstone visible, so the second delete reaches it
    expect(outcome(await app.gql(DELETE_THREAD, { input: { id: threadId } }, author))).toBe('OK');
    const first = await state('threads', threadId);
    expect(first.deleted_at).not.toBeNull();
    expect(first.deletions).toBe(1);
    const again = await app.gql(DELETE_THREAD, { input: { id: threadId } }, author);
    expect(again.data).toEqual({ deleteThread: { thread: { id: threadId } } });
    expect(await state('threads', threadId)).toEqual(first);
  });

  it('keeps a comment’s tombstone, version and single event on a second delete', async () => {
    const threadId = await newThread();
    const parent = await post(threadId);
    await post(threadId, parent);
    expect(outcome(await app.gql(DELETE_COMMENT, { input: { id: parent } }, replier))).toBe('OK');
    const first = await state('comments', parent);
    expect(first.deletions).toBe(1);
    const again = await app.gql(DELETE_COMMENT, { input: { id: parent } }, replier);
    expect(again.data).toEqual({ deleteComment: { comment: { id: parent } } });
    expect(await state('comments', parent)).toEqual(first);
  });
});
