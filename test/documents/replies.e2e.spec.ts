import { ACCOUNTS } from '../support/demo-accounts';
import { CREATE_ANNOTATION, SAMPLE_V1, openDocument, plainTextOf, targetFor } from '../support/documents';
import { TestApp, outcome, refusal, startTestApp } from '../support/test-app';

const POST = `mutation($input: PostCommentInput!) { postComment(input: $input) { comment { id depth isOfficial version parentId } } }`;
const CONVERSATION = `query($id: ID!) { annotation(id: $id) { replyCount replies(first: 50) { totalCount edges { node { id depth isDeleted bodyMarkdown bodyHtml isOfficial author { displayName } } } } } }`;
const ENDORSE = `mutation($input: EndorseInput!) { endorse(input: $input) { endorsementCount viewerHasEndorsed } }`;

describe('replies and endorsements: the shared reply model under annotations', () => {
  let app: TestApp;
  const token = {} as Record<keyof typeof ACCOUNTS, string>;
  let documentId: string;
  let text: string;

  async function annotation(who: keyof typeof ACCOUNTS, visibility = 'PUBLIC'): Promise<string> {
    const result = await app.gql<{ createAnnotation: { annotation: { id: string } } }>(
      CREATE_ANNOTATION,
      {
        input: {
          documentId,
          versionNumber: 1,
          target: targetFor(text, 'Guichet unique'),
          motivation: 'QUESTIONING',
          body: 'Question ?',
          visibility,
        },
      },
      token[who],
    );
    return result.data!.createAnnotation.annotation.id;
  }
  const reply = (who: keyof typeof ACCOUNTS, subjectId: string, extra: Record<string, unknown> = {}) =>
    app.gql<{ postComment: { comment: { id: string; depth: number; version: number; isOfficial: boolean } } }>(
      POST,
      { input: { subjectType: 'ANNOTATION', subjectId, body: `Réponse de ${who}`, ...extra } },
      token[who],
    );

  beforeAll(async () => {
    app = await startTestApp();
    for (const role of Object.keys(ACCOUNTS) as (keyof typeof ACCOUNTS)[])
      token[role] = (await app.signIn(ACCOUNTS[role])).accessToken;
    documentId = await openDocument(app, token.moderator, SAMPLE_V1);
    text = await plainTextOf(app, token.federationMember, documentId, 1);
  });
  afterAll(() => app.close());

  it('builds a tree at most three replies deep, in order, with concurrent replies both kept', async () => {
    const id = await annotation('federationMember');
    const first = (await reply('companyMember', id)).data!.postComment.comment;
    const second = (await reply('federationRepresentative', id, { parentId: first.id })).data!.postComment.comment;
    const third = (await reply('companyRepresentative', id, { parentId: second.id })).data!.postComment.comment;
    expect([first.depth, second.depth, third.depth]).toEqual([1, 2, 3]);
    const tooDeep = await reply('federationMember', id, { parentId: third.id });
    expect(outcome(tooDeep)).toBe('BAD_USER_INPUT');
    expect(tooDeep.errors![0].extensions['fields']).toEqual({ parentId: 'replies nest at most 3 levels deep' });

    const together = await Promise.all([reply('federationMember', id), reply('companyMember', id)]);
    expect(together.map(outcome)).toEqual(['OK', 'OK']);
    const conversation = await app.gql<{
      annotation: { replyCount: number; replies: { edges: { node: { depth: number } }[] } };
    }>(CONVERSATION, { id }, token.otherRepresentative);
    expect(conversation.data!.annotation.replyCount).toBe(5);
    expect(conversation.data!.annotation.replies.edges.map((edge) => edge.node.depth)).toEqual([1, 2, 3, 1, 1]);
  });

  it('refuses a parent from another conversation', async () => {
    const [a, b] = [await annotation('federationMember'), await annotation('companyMember')];
    const parent = (await reply('companyMember', a)).data!.postComment.comment;
    expect(outcome(await reply('companyMember', b, { parentId: parent.id }))).toBe('BAD_USER_INPUT');
  });

  it('keeps the replies of an ORGANIZATION annotation inside the organisation', async () => {
    const id = await annotation('companyMember', 'ORGANIZATION');
    expect(outcome(await reply('companyRepresentative', id))).toBe('OK');
    expect(outcome(await reply('federationRepresentative', id))).toBe('NOT_FOUND');
    expect(outcome(await app.gql(CONVERSATION, { id }, token.federationMember))).toBe('NOT_FOUND');
    expect(
      outcome(await app.gql(ENDORSE, { input: { subjectType: 'ANNOTATION', id } }, token.otherRepresentative)),
    ).toBe('NOT_FOUND');
  });

  it('marks only moderators’ answers official, and lets them answer after the window closes', async () => {
    const id = await annotation('federationMember');
    expect(outcome(await reply('federationRepresentative', id, { official: true }))).toBe('FORBIDDEN');
    const official = await reply('moderator', id, { official: true, body: 'Réponse **officielle** du ministère' });
    expect(official.data!.postComment.comment.isOfficial).toBe(true);

    const version = (await app.db.query('SELECT version FROM documents WHERE id = $1', [documentId])).rows[0].version;
    const closing = `mutation($input: UpdateDocumentInput!) { updateDocument(input: $input) { document { version } } }`;
    await app.gql(closing, { input: { id: documentId, version, status: 'CLOSED' } }, token.moderator);
    expect(refusal(await reply('federationRepresentative', id))).toBe('DEADLINE_PASSED/DOCUMENT_CLOSED');
    expect(outcome(await reply('moderator', id, { official: true }))).toBe('OK');
    await app.gql(
      closing,
      { input: { id: documentId, version: version + 1, status: 'OPEN_FOR_COMMENT' } },
      token.moderator,
    );
  });

  it('lets the author edit (stale version refused) and delete: a tombstone where replies hang, nothing otherwise', async () => {
    const id = await annotation('federationMember');
    const parent = (await reply('companyMember', id)).data!.postComment.comment;
    const lone = (await reply('companyMember', id)).data!.postComment.comment;
    await reply('federationRepresentative', id, { parentId: parent.id });
    const edit = `mutation($input: EditCommentInput!) { editComment(input: $input) { comment { version editedAt } } }`;
    expect(
      outcome(
        await app.gql(
          edit,
          { input: { id: parent.id, version: parent.version, body: 'Pas moi' } },
          token.federationMember,
        ),
      ),
    ).toBe('FORBIDDEN');
    expect(
      outcome(
        await app.gql(
          edit,
          { input: { id: parent.id, version: parent.version, body: 'Corrigée' } },
          token.companyMember,
        ),
      ),
    ).toBe('OK');
    expect(
      outcome(
        await app.gql(
          edit,
          { input: { id: parent.id, version: parent.version, body: 'Périmée' } },
          token.companyMember,
        ),
      ),
    ).toBe('CONFLICT');

    const remove = `mutation($input: CommentIdInput!) { deleteComment(input: $input) { comment { id isDeleted version } } }`;
    expect(refusal(await app.gql(remove, { input: { id: parent.id } }, token.federationMember))).toBe(
      'FORBIDDEN/COMMENT_AUTHOR_ONLY',
    );
    // The answer is the comment as deleted, its version moved on (authored content's one soft delete).
    expect((await app.gql(remove, { input: { id: parent.id } }, token.companyMember)).data).toEqual({
      deleteComment: { comment: { id: parent.id, isDeleted: true, version: parent.version + 2 } },
    });
    expect(outcome(await app.gql(remove, { input: { id: lone.id } }, token.companyMember))).toBe('OK');
    const conversation = await app.gql<{
      annotation: {
        replyCount: number;
        replies: {
          edges: { node: { id: string; isDeleted: boolean; bodyMarkdown: string | null; author: unknown } }[];
        };
      };
    }>(CONVERSATION, { id }, token.federationMember);
    const nodes = conversation.data!.annotation.replies.edges.map((edge) => edge.node);
    expect(nodes.map((node) => node.id)).toEqual([parent.id, expect.any(String)]);
    expect(nodes[0]).toEqual({
      id: parent.id,
      depth: 1,
      isDeleted: true,
      bodyMarkdown: null,
      bodyHtml: null,
      isOfficial: false,
      author: null,
    });
    expect(conversation.data!.annotation.replyCount).toBe(1);
  });

  it('counts endorsements once per person, never one’s own', async () => {
    const id = await annotation('federationMember');
    const input = { subjectType: 'ANNOTATION', id };
    expect(outcome(await app.gql(ENDORSE, { input }, token.federationMember))).toBe('FORBIDDEN');
    expect((await app.gql(ENDORSE, { input }, token.companyMember)).data).toEqual({
      endorse: { endorsementCount: 1, viewerHasEndorsed: true },
    });
    expect(outcome(await app.gql(ENDORSE, { input }, token.companyMember))).toBe('CONFLICT');
    expect((await app.gql(ENDORSE, { input }, token.companyRepresentative)).data).toEqual({
      endorse: { endorsementCount: 2, viewerHasEndorsed: true },
    });
    const withdrawn = await app.gql(
      `mutation($input: EndorseInput!) { withdrawEndorsement(input: $input) { endorsementCount viewerHasEndorsed } }`,
      { input },
      token.companyMember,
    );
    expect(withdrawn.data).toEqual({ withdrawEndorsement: { endorsementCount: 1, viewerHasEndorsed: false } });
    const read = await app.gql(
      `query($id: ID!) { annotation(id: $id) { endorsementCount viewerHasEndorsed } }`,
      { id },
      token.companyRepresentative,
    );
    expect(read.data).toEqual({ annotation: { endorsementCount: 1, viewerHasEndorsed: true } });
  });

  it('tells each reader whether they endorsed a reply (the toggle the web client shows)', async () => {
    const id = await annotation('federationMember');
    const replyId = (await reply('companyMember', id)).data!.postComment.comment.id;
    expect(
      (await app.gql(ENDORSE, { input: { subjectType: 'COMMENT', id: replyId } }, token.federationMember)).data,
    ).toEqual({ endorse: { endorsementCount: 1, viewerHasEndorsed: true } });
    const read = (who: keyof typeof ACCOUNTS) =>
      app.gql<{
        annotation: { replies: { edges: { node: { endorsementCount: number; viewerHasEndorsed: boolean } }[] } };
      }>(
        `query($id: ID!) { annotation(id: $id) { replies(first: 5) { edges { node { endorsementCount viewerHasEndorsed } } } } }`,
        { id },
        token[who],
      );
    expect((await read('federationMember')).data!.annotation.replies.edges[0]!.node).toEqual({
      endorsementCount: 1,
      viewerHasEndorsed: true,
    });
    expect((await read('companyRepresentative')).data!.annotation.replies.edges[0]!.node).toEqual({
      endorsementCount: 1,
      viewerHasEndorsed: false,
    });
  });

  it('keeps a deleted annotation as a tombstone while its conversation lives, and takes no new replies', async () => {
    const id = await annotation('federationMember');
    await reply('companyMember', id);
    const remove = `mutation($input: AnnotationIdInput!) { deleteAnnotation(input: $input) { annotation { id } } }`;
    expect(outcome(await app.gql(remove, { input: { id } }, token.federationMember))).toBe('OK');
    const read = await app.gql(
      `query($id: ID!) { annotation(id: $id) { isDeleted bodyMarkdown bodyHtml author { displayName } replyCount } }`,
      { id },
      token.otherRepresentative,
    );
    expect(read.data).toEqual({
      annotation: { isDeleted: true, bodyMarkdown: null, bodyHtml: null, author: null, replyCount: 1 },
    });
    expect(outcome(await reply('companyRepresentative', id))).toBe('FORBIDDEN');
    const listed = await app.gql<{
      document: { versionByNumber: { annotations: { edges: { node: { id: string; isDeleted: boolean } }[] } } };
    }>(
      `query($d: ID!) { document(id: $d) { versionByNumber(number: 1) { annotations(first: 100) { edges { node { id isDeleted } } } } } }`,
      { d: documentId },
      token.otherRepresentative,
    );
    expect(
      listed.data!.document.versionByNumber.annotations.edges.find((edge) => edge.node.id === id)?.node.isDeleted,
    ).toBe(true);
  });
});
