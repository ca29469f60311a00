import { ACCOUNTS, signInDemoAccounts } from '../support/demo-accounts';
import { SAMPLE_V1, annotatePassage, openDocument, plainTextOf } from '../support/documents';
import { TestApp, outcome, startTestApp } from '../support/test-app';

type Account = keyof typeof ACCOUNTS;

const MODERATE = `mutation($input: ModerateContentInput!) { moderateContent(input: $input) { version } }`;
const POST = `mutation($input: PostCommentInput!) { postComment(input: $input) { comment { id } } }`;
const THREAD = `query($id: ID!) { thread(id: $id) { title tags bodyMarkdown author { displayName } } }`;
const ANNOTATION = `query($id: ID!) { annotation(id: $id) { bodyMarkdown suggestedText author { displayName } } }`;

/** Hidden threads and hidden annotations behave alike; a database failure is never "not found". */
describe('discussions: hidden content and failures', () => {
  let app: TestApp;
  let token: Record<Account, string>;
  let spaceId: string;
  let documentId: string;
  let text: string;

  const hide = (contentType: string, contentId: string) =>
    app.gql(
      MODERATE,
      { input: { contentType, contentId, action: 'HIDE', reason: 'Injurieux', version: 0 } },
      token.moderator,
    );
  const newThread = async (title: string) => {
    const created = await app.gql<{ createThread: { thread: { id: string } } }>(
      `mutation($input: CreateThreadInput!) { createThread(input: $input) { thread { id } } }`,
      { input: { spaceId, title, body: 'Corps injurieux', tags: ['insulte-dans-le-tag'] } },
      token.federationMember,
    );
    return created.data!.createThread.thread.id;
  };
  const newAnnotation = async () => {
    const created = await annotatePassage(app, token.federationMember, { documentId, text }, 'Guichet unique', {
      body: 'Corps injurieux',
    });
    return created.id;
  };
  const reply = (subjectType: string, subjectId: string) =>
    app.gql(POST, { input: { subjectType, subjectId, body: 'Réponse de fond' } }, token.companyMember);

  beforeAll(async () => {
    app = await startTestApp();
    token = await signInDemoAccounts(app);
    const fmo = (await app.db.query(`SELECT id FROM organizations WHERE acronym = 'FMO'`)).rows[0].id;
    spaceId = (
      await app.gql<{ createSpace: { space: { id: string } } }>(
        `mutation($input: CreateSpaceInput!) { createSpace(input: $input) { space { id } } }`,
        { input: { name: 'Agora', slug: 'agora-hidden', ownerOrganizationId: fmo, visibility: 'PUBLIC' } },
        token.federationRepresentative,
      )
    ).data!.createSpace.space.id;
    documentId = await openDocument(app, token.moderator, SAMPLE_V1);
    text = await plainTextOf(app, token.federationMember, documentId, 1);
  });
  afterAll(() => app.close());

  it('redacts a hidden thread’s title and tags too, with the placeholder of every content type', async () => {
    const threadId = await newThread('Titre injurieux');
    const annotationId = await newAnnotation();
    expect(outcome(await reply('THREAD', threadId))).toBe('OK');
    expect(outcome(await reply('ANNOTATION', annotationId))).toBe('OK');
    expect(outcome(await hide('THREAD', threadId))).toBe('OK');
    expect(outcome(await hide('ANNOTATION', annotationId))).toBe('OK');

    // Others: the thread and the annotation keep their place above the replies, every field of theirs redacted alike.
    for (const reader of ['companyRepresentative', 'otherRepresentative'] as const) {
      const thread = await app.gql(THREAD, { id: threadId }, token[reader]);
      expect(thread.data).toEqual({ thread: { title: null, tags: null, bodyMarkdown: null, author: null } });
      const annotation = await app.gql(ANNOTATION, { id: annotationId }, token[reader]);
      expect(annotation.data).toEqual({ annotation: { bodyMarkdown: null, suggestedText: null, author: null } });
    }
    const list = await app.gql<{ space: { threads: { edges: { node: { id: string; title: string | null } }[] } } }>(
      `query($id: ID!) { space(id: $id) { threads { edges { node { id title tags } } } } }`,
      { id: spaceId },
      token.otherRepresentative,
    );
    expect(list.data!.space.threads.edges.map((edge) => edge.node)).toContainEqual({
      id: threadId,
      title: null,
      tags: null,
    });
    expect(JSON.stringify(list.data)).not.toContain('injurieux');

    // Its author and its moderators (the platform's, the space's owner) see the original.
    for (const reader of ['federationMember', 'moderator', 'federationRepresentative'] as const) {
      const thread = await app.gql(THREAD, { id: threadId }, token[reader]);
      expect(thread.data).toEqual({
        thread: {
          title: 'Titre injurieux',
          tags: ['insulte-dans-le-tag'],
          bodyMarkdown: 'Corps injurieux',
          author: { displayName: expect.any(String) },
        },
      });
      const annotation = await app.gql<{ annotation: { bodyMarkdown: string } }>(
        ANNOTATION,
        { id: annotationId },
        token[reader],
      );
      // The space's owner moderates the space's threads, not the document's annotations.
      expect(annotation.data!.annotation.bodyMarkdown).toBe(
        reader === 'federationRepresentative' ? null : 'Corps injurieux',
      );
    }
  });

  it('leaves hidden threads and annotations without replies out for others, like each other', async () => {
    const threadId = await newThread('Autre titre injurieux');
    const annotationId = await newAnnotation();
    await hide('THREAD', threadId);
    await hide('ANNOTATION', annotationId);
    expect(outcome(await app.gql(THREAD, { id: threadId }, token.otherRepresentative))).toBe('NOT_FOUND');
    expect(outcome(await app.gql(ANNOTATION, { id: annotationId }, token.otherRepresentative))).toBe('NOT_FOUND');
    const list = await app.gql(
      `query($id: ID!) { space(id: $id) { threads { edges { node { id } } } } }`,
      { id: spaceId },
      token.otherRepresentative,
    );
    expect(JSON.stringify(list.data)).not.toContain(threadId);
    expect((await app.gql(THREAD, { id: threadId }, token.federationMember)).data).toEqual({
      thread: expect.objectContaining({ title: 'Autre titre injurieux' }),
    });
  });

  it('never turns a database failure into NOT_FOUND when reading a thread', async () => {
    const threadId = await newThread('Sujet ordinaire');
    expect(outcome(await app.gql(THREAD, { id: threadId }, token.companyMember))).toBe('OK');
    await app.db.query('ALTER TABLE space_members RENAME TO space_members_away');
    try {
      const read = await app.gql(THREAD, { id: threadId }, token.companyMember);
      expect(outcome(read)).not.toBe('NOT_FOUND');
      expect(['INTERNAL_SERVER_ERROR', 'SERVICE_UNAVAILABLE']).toContain(outcome(read));
    } finally {
      await app.db.query('ALTER TABLE space_members_away RENAME TO space_members');
    }
    expect(outcome(await app.gql(THREAD, { id: threadId }, token.companyMember))).toBe('OK');
  });
});
