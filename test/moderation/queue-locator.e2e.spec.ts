import { ACCOUNTS, signInDemoAccounts } from '../support/demo-accounts';
import { SAMPLE_V1, annotatePassage, openDocument, plainTextOf } from '../support/documents';
import { TestApp, outcome, startTestApp } from '../support/test-app';

type Account = keyof typeof ACCOUNTS;

const REPORT = `mutation($input: ReportContentInput!) { reportContent(input: $input) { reported } }`;
const POST = `mutation($input: PostCommentInput!) { postComment(input: $input) { comment { id } } }`;
const QUEUE = `{ moderationQueue(first: 100) { edges { node { contentType contentId version spaceId documentId
  locator { documentId versionId versionNumber sectionKey annotationId spaceId threadId consultationId contributionId } } } } }`;
const MY_REPORTS = `query($filter: MyReportsFilter, $first: Int, $after: String) {
  myReports(filter: $filter, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { contentType contentId reason explanation status closedAt } } } }`;

interface Locator {
  documentId: string | null;
  versionId: string | null;
  versionNumber: number | null;
  sectionKey: string | null;
  annotationId: string | null;
  spaceId: string | null;
  threadId: string | null;
  consultationId: string | null;
  contributionId: string | null;
}
interface QueueNode {
  contentType: string;
  contentId: string;
  version: number;
  spaceId: string | null;
  documentId: string | null;
  locator: Locator;
}

const NOWHERE: Locator = {
  documentId: null,
  versionId: null,
  versionNumber: null,
  sectionKey: null,
  annotationId: null,
  spaceId: null,
  threadId: null,
  consultationId: null,
  contributionId: null,
};

describe('moderation: every queue item says where to open it; reporters follow their reports (issue 14, item 7)', () => {
  let app: TestApp;
  let token: Record<Account, string>;
  let documentId: string;
  let versionId: string;
  let annotationId: string;
  let spaceId: string;
  let threadId: string;

  const report = (who: Account, contentType: string, contentId: string, reason = 'ABUSIVE') =>
    app.gql(REPORT, { input: { contentType, contentId, reason, explanation: `vu par ${who}` } }, token[who]);
  const queueOf = async (who: Account) =>
    (
      await app.gql<{ moderationQueue: { edges: { node: QueueNode }[] } }>(QUEUE, {}, token[who])
    ).data!.moderationQueue.edges.map((edge) => edge.node);
  const post = async (who: Account, subjectType: string, subjectId: string, body: string) =>
    (
      await app.gql<{ postComment: { comment: { id: string } } }>(
        POST,
        { input: { subjectType, subjectId, body } },
        token[who],
      )
    ).data!.postComment.comment.id;

  beforeAll(async () => {
    app = await startTestApp();
    token = await signInDemoAccounts(app);
    documentId = await openDocument(app, token.moderator, SAMPLE_V1);
    const text = await plainTextOf(app, token.federationMember, documentId, 1);
    const created = await annotatePassage(app, token.federationMember, { documentId, text }, 'Guichet unique', {
      body: 'Remarque signalée',
    });
    annotationId = created.id;
    versionId = (await app.db.query(`SELECT version_id FROM annotations WHERE id = $1`, [annotationId])).rows[0]
      .version_id;
    spaceId = (await app.db.query(`SELECT id FROM spaces WHERE slug = 'espace-ministere'`)).rows[0].id;
    threadId = (
      await app.gql<{ createThread: { thread: { id: string } } }>(
        `mutation($input: CreateThreadInput!) { createThread(input: $input) { thread { id } } }`,
        { input: { spaceId, title: 'Sujet signalé', body: 'Texte signalé' } },
        token.federationMember,
      )
    ).data!.createThread.thread.id;
  });
  afterAll(() => app.close());

  it('locates an annotation in its document, version and article', async () => {
    expect(outcome(await report('companyMember', 'ANNOTATION', annotationId))).toBe('OK');
    const item = (await queueOf('moderator')).find((node) => node.contentId === annotationId)!;
    const sectionKey = (await app.db.query(`SELECT section_key FROM annotations WHERE id = $1`, [annotationId])).rows[0]
      .section_key;
    expect(sectionKey).toMatch(/^art-/);
    expect(item.locator).toEqual({ ...NOWHERE, documentId, versionId, versionNumber: 1, sectionKey, annotationId });
    expect(item.documentId).toBe(documentId);
  });

  it('locates a reply under an annotation — formerly with documentId and spaceId both null', async () => {
    const commentId = await post('federationRepresentative', 'ANNOTATION', annotationId, 'Réponse signalée');
    expect(outcome(await report('companyMember', 'COMMENT', commentId))).toBe('OK');
    const item = (await queueOf('moderator')).find((node) => node.contentId === commentId)!;
    expect(item.documentId).toBe(documentId);
    expect(item.locator).toMatchObject({ documentId, versionId, versionNumber: 1, annotationId, threadId: null });
    expect(item.locator.sectionKey).toMatch(/^art-/);
    // The queue's document filter finds it too.
    const filtered = await app.gql<{ moderationQueue: { edges: { node: { contentId: string } }[] } }>(
      `query($filter: ModerationQueueFilter) { moderationQueue(filter: $filter) { edges { node { contentId } } } }`,
      { filter: { documentId } },
      token.moderator,
    );
    expect(filtered.data!.moderationQueue.edges.map((edge) => edge.node.contentId)).toContain(commentId);
  });

  it('locates a thread, and a reply in it, in their space', async () => {
    const commentId = await post('federationRepresentative', 'THREAD', threadId, 'Réponse dans le fil');
    expect(outcome(await report('companyMember', 'THREAD', threadId))).toBe('OK');
    expect(outcome(await report('companyMember', 'COMMENT', commentId))).toBe('OK');
    const queue = await queueOf('moderator');
    for (const id of [threadId, commentId]) {
      const item = queue.find((node) => node.contentId === id)!;
      expect(item.locator).toEqual({ ...NOWHERE, spaceId, threadId });
      expect(item.spaceId).toBe(spaceId);
    }
  });

  it('locates an internal comment on a contribution in its consultation, for the organisation that moderates it', async () => {
    const { consultation_id: consultationId, id: contributionId } = (
      await app.db.query(
        `SELECT c.consultation_id, c.id FROM contributions c JOIN organizations o ON o.id = c.organization_id WHERE o.acronym = 'FMO' LIMIT 1`,
      )
    ).rows[0];
    const commentId = await post('federationMember', 'CONTRIBUTION', contributionId, 'Brouillon interne');
    expect(outcome(await report('federationRepresentative', 'COMMENT', commentId))).toBe('OK');
    const item = (await queueOf('federationRepresentative')).find((node) => node.contentId === commentId)!;
    expect(item.locator).toEqual({ ...NOWHERE, consultationId, contributionId });
  });

  it('lets reporters follow the status of their own reports, and nobody else’s', async () => {
    const mine = await app.gql<{
      myReports: { totalCount: number; edges: { node: { contentId: string; status: string; reason: string } }[] };
    }>(MY_REPORTS, {}, token.companyMember);
    expect(mine.data!.myReports.totalCount).toBe(4);
    expect(mine.data!.myReports.edges.every((edge) => edge.node.status === 'OPEN')).toBe(true);
    expect(mine.data!.myReports.edges.map((edge) => edge.node.contentId)).toContain(annotationId);

    // A moderator keeps the annotation: the report is closed, and its reporter sees it.
    const item = (await queueOf('moderator')).find((node) => node.contentId === annotationId)!;
    const kept = await app.gql(
      `mutation($input: ModerateContentInput!) { moderateContent(input: $input) { version } }`,
      {
        input: {
          contentType: 'ANNOTATION',
          contentId: annotationId,
          action: 'KEEP',
          reason: 'Rien à redire',
          version: item.version,
        },
      },
      token.moderator,
    );
    expect(outcome(kept)).toBe('OK');
    const closed = await app.gql<{
      myReports: { totalCount: number; edges: { node: { contentId: string; status: string; closedAt: string } }[] };
    }>(MY_REPORTS, { filter: { status: 'CLOSED' } }, token.companyMember);
    expect(closed.data!.myReports.totalCount).toBe(1);
    expect(closed.data!.myReports.edges[0].node).toMatchObject({ contentId: annotationId, status: 'CLOSED' });
    expect(closed.data!.myReports.edges[0].node.closedAt).toEqual(expect.any(String));
    const open = await app.gql<{ myReports: { totalCount: number } }>(
      MY_REPORTS,
      { filter: { status: 'OPEN', contentType: 'COMMENT' } },
      token.companyMember,
    );
    expect(open.data!.myReports.totalCount).toBe(2);

    // Pages follow each other; someone else's reports are never listed (nor the reported person's).
    const first = await app.gql<{ myReports: { pageInfo: { hasNextPage: boolean; endCursor: string } } }>(
      MY_REPORTS,
      { first: 3 },
      token.companyMember,
    );
    expect(first.data!.myReports.pageInfo.hasNextPage).toBe(true);
    const rest = await app.gql<{ myReports: { edges: unknown[]; pageInfo: { hasNextPage: boolean } } }>(
      MY_REPORTS,
      { first: 3, after: first.data!.myReports.pageInfo.endCursor },
      token.companyMember,
    );
    expect(rest.data!.myReports.edges).toHaveLength(1);
    for (const other of ['federationMember', 'moderator'] as const)
      expect(
        (await app.gql<{ myReports: { totalCount: number } }>(MY_REPORTS, {}, token[other])).data!.myReports.totalCount,
      ).toBe(0);
  });
});
