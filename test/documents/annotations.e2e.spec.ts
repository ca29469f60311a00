import { ACCOUNTS } from '../support/demo-accounts';
import { CREATE_ANNOTATION, SAMPLE_V1, openDocument, plainTextOf, targetFor } from '../support/documents';
import { TestApp, outcome, refusal, startTestApp } from '../support/test-app';

type Token = Record<keyof typeof ACCOUNTS, string>;

describe('annotations: who writes, who reads, what is refused', () => {
  let app: TestApp;
  const token = {} as Token;
  let documentId: string;
  let text: string;
  let atlasId: string;

  const annotate = (who: keyof typeof ACCOUNTS | null, input: Record<string, unknown>) =>
    app.gql<{
      createAnnotation: {
        annotation: { id: string; version: number; bodyHtml: string; target: { sectionKey: string } };
      };
    }>(
      CREATE_ANNOTATION,
      { input: { documentId, versionNumber: 1, motivation: 'COMMENTING', body: 'Remarque', ...input } },
      who ? token[who] : undefined,
    );
  const count = async () => (await app.db.query('SELECT count(*)::int AS n FROM annotations')).rows[0].n as number;

  beforeAll(async () => {
    app = await startTestApp();
    for (const role of Object.keys(ACCOUNTS) as (keyof typeof ACCOUNTS)[])
      token[role] = (await app.signIn(ACCOUNTS[role])).accessToken;
    documentId = await openDocument(app, token.moderator, SAMPLE_V1);
    text = await plainTextOf(app, token.federationMember, documentId, 1);
    atlasId = (await app.db.query(`SELECT id FROM organizations WHERE name LIKE 'Atlas%'`)).rows[0].id;
  });
  afterAll(() => app.close());

  it('lets any member annotate a passage, and records the article it sits in', async () => {
    const result = await annotate('federationMember', {
      target: targetFor(text, "Le montant de l'aide est plafonné à 60 000 dirhams"),
    });
    expect(outcome(result)).toBe('OK');
    expect(result.data!.createAnnotation.annotation.target.sectionKey).toBe('art-3');
  });

  it.each<[keyof typeof ACCOUNTS | null, string]>([
    ['companyRepresentative', 'OK'],
    ['companyMember', 'FORBIDDEN'],
    ['federationRepresentative', 'FORBIDDEN'],
    ['moderator', 'FORBIDDEN'],
    [null, 'UNAUTHENTICATED'],
  ])('posting on behalf of Atlas as %s → %s', async (who, expected) => {
    const before = await count();
    const result = await annotate(who, {
      target: targetFor(text, 'Guichet unique'),
      onBehalfOfOrganizationId: atlasId,
    });
    expect(outcome(result)).toBe(expected);
    expect(await count()).toBe(before + (expected === 'OK' ? 1 : 0));
  });

  it('keeps an ORGANIZATION annotation inside the organisation (others get NOT_FOUND, and it is not counted)', async () => {
    const created = await annotate('companyMember', {
      target: targetFor(text, 'Connectivité et fibre optique'),
      visibility: 'ORGANIZATION',
      body: 'Interne à Atlas',
    });
    const id = created.data!.createAnnotation.annotation.id;
    const read = `query($id: ID!) { annotation(id: $id) { id bodyMarkdown } }`;
    const listing = `query($d: ID!) { document(id: $d) { versionByNumber(number: 1) { annotations(first: 100) { totalCount edges { node { id } } } annotationCountsBySection { sectionKey count } } } }`;
    const expectations: [keyof typeof ACCOUNTS, boolean][] = [
      ['companyMember', true],
      ['companyRepresentative', true],
      ['moderator', true],
      ['admin', true],
      ['federationRepresentative', false],
      ['federationMember', false],
      ['otherRepresentative', false],
    ];
    for (const [who, sees] of expectations) {
      expect([who, outcome(await app.gql(read, { id }, token[who]))]).toEqual([who, sees ? 'OK' : 'NOT_FOUND']);
      const listed = await app.gql<{
        document: {
          versionByNumber: {
            annotations: { edges: { node: { id: string } }[] };
            annotationCountsBySection: { sectionKey: string; count: number }[];
          };
        };
      }>(listing, { d: documentId }, token[who]);
      const ids = listed.data!.document.versionByNumber.annotations.edges.map((edge) => edge.node.id);
      expect([who, ids.includes(id)]).toEqual([who, sees]);
      const counted =
        listed.data!.document.versionByNumber.annotationCountsBySection.find((row) => row.sectionKey === 'art-9')
          ?.count ?? 0;
      expect([who, counted]).toEqual([who, sees ? 1 : 0]);
    }
  });

  it('rejects a quote that does not match its position, and a position outside the text, writing nothing', async () => {
    const before = await count();
    const good = targetFor(text, 'Guichet unique');
    for (const target of [
      { ...good, exact: 'Guichet multiple' },
      { ...good, start: good.start + 1, end: good.end + 1 },
      { ...good, start: text.length - 2, end: text.length + 10 },
      { ...good, start: 10, end: 5 },
    ]) {
      const result = await annotate('federationMember', { target });
      expect(outcome(result)).toBe('BAD_USER_INPUT');
      expect(result.errors![0].extensions['fields']).toHaveProperty(['target']);
    }
    expect(outcome(await annotate('federationMember', { target: good, body: 'x'.repeat(10_001) }))).toBe(
      'BAD_USER_INPUT',
    );
    expect(outcome(await annotate('federationMember', { target: good, motivation: 'AMENDING' }))).toBe(
      'BAD_USER_INPUT',
    );
    expect(await count()).toBe(before);
  });

  it('reads a page of annotations with authors, organisations, counts and anchors in as many statements for 1 as for all', async () => {
    for (const [index, who] of (['federationMember', 'companyRepresentative', 'companyMember'] as const).entries()) {
      const created = await annotate(who, {
        target: targetFor(text, 'Guichet unique'),
        body: `Remarque ${index}`,
        ...(who === 'companyRepresentative' ? { onBehalfOfOrganizationId: atlasId } : {}),
      });
      expect(outcome(created)).toBe('OK');
      await app.gql(
        `mutation($input: PostCommentInput!) { postComment(input: $input) { comment { id } } }`,
        {
          input: {
            subjectType: 'ANNOTATION',
            subjectId: created.data!.createAnnotation.annotation.id,
            body: 'Réponse',
          },
        },
        token.federationRepresentative,
      );
    }
    // The page bench/annotations.run.ts reads.
    const page = `query($document: ID!, $first: Int) { document(id: $document) { versionByNumber(number: 1) {
      annotations(first: $first) { edges { node { id motivation author { displayName } organization { name }
      replyCount endorsementCount anchor { status score } } } } } } }`;
    type Page = { document: { versionByNumber: { annotations: { edges: { node: { replyCount: number } }[] } } } };
    const read = (first: number) => app.gql<Page>(page, { document: documentId, first }, token.federationMember);
    const one = await read(1);
    const all = await read(100);
    const nodes = all.data!.document.versionByNumber.annotations.edges.map((edge) => edge.node);
    expect(nodes.length).toBeGreaterThanOrEqual(3);
    expect(nodes.some((node) => node.replyCount > 0)).toBe(true);
    expect(Number(all.headers.get('x-sql-statements'))).toBe(Number(one.headers.get('x-sql-statements')));
    // The session, the document with its versions, and the page with its authors, organisations, counts and moderation.
    expect(Number(all.headers.get('x-sql-statements'))).toBe(3);
  });

  it('never returns executable markup from a body', async () => {
    const result = await annotate('federationMember', {
      target: targetFor(text, 'Guichet unique'),
      body: '<script>alert(1)</script> [x](javascript:alert(1)) **ok**',
    });
    const html = result.data!.createAnnotation.annotation.bodyHtml;
    expect(html).toContain('<strong>ok</strong>');
    expect(html).not.toMatch(/<script|href="javascript/i);
  });

  it('lets only the author edit (history kept, stale version refused) and delete', async () => {
    const created = await annotate('federationMember', {
      target: targetFor(text, 'Indicateurs de suivi'),
      body: 'Première idée',
    });
    const { id, version } = created.data!.createAnnotation.annotation;
    const update = `mutation($input: UpdateAnnotationInput!) { updateAnnotation(input: $input) { annotation { bodyMarkdown version } } }`;
    expect(
      refusal(await app.gql(update, { input: { id, version, body: 'Pas moi' } }, token.federationRepresentative)),
    ).toBe('FORBIDDEN/ANNOTATION_AUTHOR_ONLY');
    expect(
      outcome(await app.gql(update, { input: { id, version, body: 'Idée précisée' } }, token.federationMember)),
    ).toBe('OK');
    expect(refusal(await app.gql(update, { input: { id, version, body: 'Trop tard' } }, token.federationMember))).toBe(
      'CONFLICT/STALE_VERSION',
    );
    const history = `query($id: ID!) { annotation(id: $id) { bodyMarkdown history { body } } }`;
    for (const who of ['federationMember', 'moderator'] as const) {
      expect((await app.gql(history, { id }, token[who])).data).toEqual({
        annotation: { bodyMarkdown: 'Idée précisée', history: [{ body: 'Première idée' }] },
      });
    }
    expect((await app.gql(history, { id }, token.companyMember)).data).toEqual({
      annotation: { bodyMarkdown: 'Idée précisée', history: null },
    });

    const remove = `mutation($input: AnnotationIdInput!) { deleteAnnotation(input: $input) { annotation { id isDeleted version } } }`;
    expect(outcome(await app.gql(remove, { input: { id } }, token.companyMember))).toBe('FORBIDDEN');
    // Like threads and comments, the answer is the row as deleted (authored content's one soft delete).
    expect((await app.gql(remove, { input: { id } }, token.federationMember)).data).toEqual({
      deleteAnnotation: { annotation: { id, isDeleted: true, version: version + 2 } },
    });
    expect(
      outcome(await app.gql(`query($id: ID!) { annotation(id: $id) { id } }`, { id }, token.federationMember)),
    ).toBe('NOT_FOUND');
  });

  it('lets only moderators give the ministry’s answer', async () => {
    const created = await annotate('companyRepresentative', {
      target: targetFor(text, 'Guichet unique'),
      motivation: 'QUESTIONING',
      body: 'Quand ?',
    });
    const id = created.data!.createAnnotation.annotation.id;
    const answer = `mutation($input: AnswerAnnotationInput!) { answerAnnotation(input: $input) { annotation { status answer { disposition rationale answeredBy { displayName } } } } }`;
    const input = { id, disposition: 'NOTED', rationale: 'Le guichet ouvre au premier trimestre.' };
    expect(outcome(await app.gql(answer, { input }, token.federationRepresentative))).toBe('FORBIDDEN');
    const answered = await app.gql<{ answerAnnotation: { annotation: unknown } }>(answer, { input }, token.moderator);
    expect(answered.data!.answerAnnotation.annotation).toEqual({
      status: 'ANSWERED',
      answer: {
        disposition: 'NOTED',
        rationale: 'Le guichet ouvre au premier trimestre.',
        answeredBy: { displayName: 'Nadia Benali' },
      },
    });
  });

  it('enforces the comment window by the server clock, and a closed document', async () => {
    const target = targetFor(text, 'Guichet unique');
    const version = async () =>
      (await app.db.query('SELECT version FROM documents WHERE id = $1', [documentId])).rows[0].version;
    const update = `mutation($input: UpdateDocumentInput!) { updateDocument(input: $input) { document { status isOpenForComment } } }`;
    const closesAt = new Date(app.clock.now().getTime() + 3600_000);
    expect(
      outcome(
        await app.gql(
          update,
          { input: { id: documentId, version: await version(), commentsCloseAt: closesAt } },
          token.moderator,
        ),
      ),
    ).toBe('OK');
    expect(outcome(await annotate('federationMember', { target }))).toBe('OK');
    app.clock.advance(3600_000);
    expect(refusal(await annotate('federationMember', { target }))).toBe('DEADLINE_PASSED/DOCUMENT_CLOSED');
    app.clock.advance(-3600_000);
    expect(
      outcome(
        await app.gql(
          update,
          { input: { id: documentId, version: await version(), status: 'CLOSED' } },
          token.moderator,
        ),
      ),
    ).toBe('OK');
    expect(outcome(await annotate('federationMember', { target }))).toBe('DEADLINE_PASSED');
  });

  it('hides draft documents from everyone but moderators', async () => {
    const draft = await app.gql<{ createDocument: { document: { id: string } } }>(
      `mutation { createDocument(input: { kind: OTHER, reference: "Brouillon 1", title: "Brouillon" }) { document { id } } }`,
      {},
      token.moderator,
    );
    const id = draft.data!.createDocument.document.id;
    expect(
      outcome(await app.gql(`query($id: ID!) { document(id: $id) { id } }`, { id }, token.federationRepresentative)),
    ).toBe('NOT_FOUND');
    expect(outcome(await app.gql(`query($id: ID!) { document(id: $id) { id } }`, { id }, token.moderator))).toBe('OK');
    expect(
      outcome(
        await app.gql(
          `mutation { createDocument(input: { kind: OTHER, reference: "X", title: "X" }) { document { id } } }`,
          {},
          token.federationRepresentative,
        ),
      ),
    ).toBe('FORBIDDEN');
  });
});
