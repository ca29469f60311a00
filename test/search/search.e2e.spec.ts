import { RARE_MATCHES, SearchService } from '@majlis/search';
import { ACCOUNTS } from '../support/demo-accounts';
import { CREATE_ANNOTATION, SAMPLE_V1, openDocument, plainTextOf, targetFor } from '../support/documents';
import { GraphQLResponse, TestApp, outcome, startTestApp } from '../support/test-app';

type Role = Exclude<keyof typeof ACCOUNTS, never>;
const ROLES = Object.keys(ACCOUNTS) as Role[];
const STAFF: Role[] = ['admin', 'moderator'];
const FMO: Role[] = ['federationRepresentative', 'federationMember'];
const ATLAS: Role[] = ['companyRepresentative', 'companyMember'];
const EVERYONE = ROLES;

const SEARCH = `query Search($query: String!, $filter: SearchFilterInput, $first: Int, $after: String, $prefix: Boolean) {
  search(query: $query, filter: $filter, first: $first, after: $after, prefix: $prefix) {
    totalCount
    edges { cursor node { id type rank title snippetHtml createdAt
      target { documentId versionId versionNumber articleKey start end annotationId commentId threadId spaceId spaceSlug
               consultationId questionId organizationId } } }
    pageInfo { hasNextPage endCursor }
    totalCountIsLowerBound
    facets { types { type count isLowerBound } articles { documentId articleKey title count isLowerBound } }
  } }`;

interface Hit {
  id: string;
  type: string;
  title: string | null;
  snippetHtml: string;
  target: Record<string, unknown>;
}
type SearchData = {
  search: {
    totalCount: number;
    totalCountIsLowerBound: boolean;
    edges: { cursor: string; node: Hit }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    facets: {
      types: { type: string; count: number; isLowerBound: boolean }[];
      articles: { documentId: string; articleKey: string; count: number; isLowerBound: boolean }[];
    };
  };
};

/** One piece of content of the leak matrix: its type, whether it sits on an article, and who may read it. */
interface Fixture {
  readonly name: string;
  readonly type: string;
  readonly onArticle: boolean;
  readonly readers: readonly Role[];
  id?: string;
}

/**
 * The content of the leak matrix, every type × every visibility, with who reads it written out by hand (the rules
 * of reads, not their code): each holds the probe word "zyqprobe" and a word of its own.
 */
const FIXTURES: Fixture[] = [
  { name: 'article of a published document', type: 'ARTICLE', onArticle: true, readers: EVERYONE },
  { name: 'article of a draft document', type: 'ARTICLE', onArticle: true, readers: STAFF },
  { name: 'public annotation', type: 'ANNOTATION', onArticle: true, readers: EVERYONE },
  { name: 'ORGANIZATION annotation of FMO', type: 'ANNOTATION', onArticle: true, readers: [...STAFF, ...FMO] },
  { name: 'hidden annotation', type: 'ANNOTATION', onArticle: true, readers: [...STAFF, 'federationMember'] },
  { name: 'deleted annotation', type: 'ANNOTATION', onArticle: true, readers: [] },
  { name: 'annotation on a draft document', type: 'ANNOTATION', onArticle: true, readers: STAFF },
  { name: 'reply to a public annotation', type: 'REPLY', onArticle: true, readers: EVERYONE },
  { name: 'reply to an ORGANIZATION annotation', type: 'REPLY', onArticle: true, readers: [...STAFF, ...FMO] },
  { name: 'hidden reply', type: 'REPLY', onArticle: true, readers: [...STAFF, 'companyMember'] },
  { name: 'deleted reply', type: 'REPLY', onArticle: true, readers: [] },
  { name: 'reply in a private space', type: 'REPLY', onArticle: false, readers: FMO },
  { name: 'reply in a contribution’s discussion', type: 'REPLY', onArticle: false, readers: ATLAS },
  { name: 'thread in a public space', type: 'THREAD', onArticle: false, readers: EVERYONE },
  { name: 'thread in a restricted space', type: 'THREAD', onArticle: false, readers: EVERYONE },
  { name: 'thread in a private space', type: 'THREAD', onArticle: false, readers: FMO },
  { name: 'hidden thread', type: 'THREAD', onArticle: false, readers: [...STAFF, 'federationMember'] },
  { name: 'deleted thread', type: 'THREAD', onArticle: false, readers: [] },
  { name: 'published consultation', type: 'CONSULTATION', onArticle: false, readers: EVERYONE },
  { name: 'draft consultation', type: 'CONSULTATION', onArticle: false, readers: STAFF },
  { name: 'question of a published consultation', type: 'QUESTION', onArticle: false, readers: EVERYONE },
  { name: 'question of a draft consultation', type: 'QUESTION', onArticle: false, readers: STAFF },
  { name: 'public space', type: 'SPACE', onArticle: false, readers: EVERYONE },
  { name: 'private space', type: 'SPACE', onArticle: false, readers: FMO },
  { name: 'verified organisation', type: 'ORGANIZATION', onArticle: false, readers: EVERYONE },
  { name: 'unverified organisation', type: 'ORGANIZATION', onArticle: false, readers: STAFF },
];

/** The words of a fixture: the probe, and one of its own (letters only, so that no stemmer splits it). */
function wordsOf(index: number): string {
  return `zyqprobe zyqitem${String.fromCharCode(97 + index)}x`;
}

describe('search', () => {
  let app: TestApp;
  const tokens = new Map<Role, string>();
  const ids: Record<string, string> = {};
  let sharedDocument = '';

  const search = (role: Role, variables: Record<string, unknown>) =>
    app.gql<SearchData>(SEARCH, { first: 100, ...variables }, tokens.get(role));
  const one = async (sql: string, params: unknown[] = []) => (await app.db.query(sql, params)).rows[0];

  beforeAll(async () => {
    app = await startTestApp();
    for (const role of ROLES) tokens.set(role, (await app.signIn(ACCOUNTS[role])).accessToken);
    for (const role of ROLES) {
      ids[role] = (await one('SELECT id FROM users WHERE email = $1', [ACCOUNTS[role]])).id;
    }
    for (const [organization, role] of [
      ['FMO', 'federationMember'],
      ['ATLAS', 'companyMember'],
    ] as const) {
      ids[organization] = (
        await one('SELECT organization_id FROM memberships WHERE user_id = $1', [ids[role]])
      ).organization_id;
    }
    await createFixtures();
  });
  afterAll(() => app?.close());

  /** Inserts the matrix's content directly, in each visibility state (the reads' rules are under test, not writes). */
  async function createFixtures() {
    const words = (name: string) => wordsOf(FIXTURES.findIndex((fixture) => fixture.name === name));
    const set = (name: string, id: string) => (FIXTURES.find((fixture) => fixture.name === name)!.id = id);
    const admin = ids['admin'];
    const document = async (status: string, name: string) => {
      const doc = await one(
        `INSERT INTO documents (kind, reference, title, language, status, created_by_id)
         VALUES ('CIRCULAR', $1, 'Doc', 'fr', $2, $3) RETURNING id`,
        [`REF-${status}`, status, admin],
      );
      const text = `Article 1 — Objet\n\nLe texte ${words(name)} fin.`;
      const version = await one(
        `INSERT INTO document_versions (document_id, number, source_markdown, plain_text, change_note, published_by_id, published_at)
         VALUES ($1, 1, $2, $2, 'v1', $3, now()) RETURNING id`,
        [doc.id, text, admin],
      );
      const section = await one(
        `INSERT INTO document_sections (version_id, key, number, title, heading, ordinal, start_offset, end_offset)
         VALUES ($1, 'art-1', 1, 'Objet', 'Article 1 — Objet', 0, 0, $2) RETURNING id`,
        [version.id, text.length],
      );
      set(name, section.id);
      return { document: doc.id, version: version.id };
    };
    const published = await document('OPEN_FOR_COMMENT', 'article of a published document');
    const draft = await document('DRAFT', 'article of a draft document');
    sharedDocument = published.document;
    const annotation = async (name: string, on: { document: string; version: string }, extra: string) => {
      const row = await one(
        `INSERT INTO annotations (document_id, version_id, author_id, motivation, body, visibility, audience_organization_id,
            quote_exact, quote_prefix, quote_suffix, start_offset, end_offset, section_key, deleted_at)
         VALUES ($1, $2, $3, 'COMMENTING', $4, $5, $6, 'texte', '', '', 23, 28, 'art-1', $7) RETURNING id`,
        [
          on.document,
          on.version,
          ids['federationMember'],
          words(name),
          extra === 'org' ? 'ORGANIZATION' : 'PUBLIC',
          extra === 'org' ? ids['FMO'] : null,
          extra === 'deleted' ? new Date() : null,
        ],
      );
      await app.db.query(
        `INSERT INTO annotation_anchors (annotation_id, version_id, status, score, start_offset, end_offset, quote_exact,
            quote_prefix, quote_suffix, section_key) VALUES ($1, $2, 'EXACT', 1, 23, 28, 'texte', '', '', 'art-1')`,
        [row.id, on.version],
      );
      set(name, row.id);
      return row.id as string;
    };
    const hide = (type: string, id: string, author: string, spaceId: string | null = null) =>
      app.db.query(
        `INSERT INTO content_moderation (content_type, content_id, author_id, space_id, hidden, hidden_at, platform_moderated)
         VALUES ($1, $2, $3, $4, true, now(), true)`,
        [type, id, author, spaceId],
      );
    const publicAnnotation = await annotation('public annotation', published, '');
    const orgAnnotation = await annotation('ORGANIZATION annotation of FMO', published, 'org');
    await hide('ANNOTATION', await annotation('hidden annotation', published, ''), ids['federationMember']);
    await annotation('deleted annotation', published, 'deleted');
    await annotation('annotation on a draft document', draft, '');

    const comment = async (name: string, type: string, subject: string, author: string, deleted = false) => {
      const row = await one(
        `INSERT INTO comments (subject_type, subject_id, depth, author_id, body, deleted_at)
         VALUES ($1, $2, 1, $3, $4, $5) RETURNING id`,
        [type, subject, author, words(name), deleted ? new Date() : null],
      );
      set(name, row.id);
      return row.id as string;
    };
    await comment('reply to a public annotation', 'ANNOTATION', publicAnnotation, ids['companyMember']);
    await comment('reply to an ORGANIZATION annotation', 'ANNOTATION', orgAnnotation, ids['federationRepresentative']);
    const hiddenReply = await comment('hidden reply', 'ANNOTATION', publicAnnotation, ids['companyMember']);
    await hide('COMMENT', hiddenReply, ids['companyMember']);
    await comment('deleted reply', 'ANNOTATION', publicAnnotation, ids['companyMember'], true);

    const space = async (slug: string, visibility: string, name: string | null) => {
      const row = await one(
        `INSERT INTO spaces (slug, name, description, owner_organization_id, visibility, created_by_id)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        [slug, `Espace ${slug}`, name ? words(name) : '', ids['FMO'], visibility, admin],
      );
      if (visibility === 'PRIVATE') {
        await app.db.query(
          `INSERT INTO space_members (space_id, organization_id, role) VALUES ($1, $2, 'PARTICIPANT')`,
          [row.id, ids['FMO']],
        );
      }
      if (name) set(name, row.id);
      return row.id as string;
    };
    const publicSpace = await space('zyq-public', 'PUBLIC', 'public space');
    const restrictedSpace = await space('zyq-restricted', 'RESTRICTED', null);
    const privateSpace = await space('zyq-private', 'PRIVATE', 'private space');
    const thread = async (name: string, spaceId: string, deleted = false) => {
      const row = await one(
        `INSERT INTO threads (space_id, title, body, author_id, deleted_at) VALUES ($1, 'Fil', $2, $3, $4) RETURNING id`,
        [spaceId, words(name), ids['federationMember'], deleted ? new Date() : null],
      );
      set(name, row.id);
      return row.id as string;
    };
    await thread('thread in a public space', publicSpace);
    await thread('thread in a restricted space', restrictedSpace);
    const privateThread = await thread('thread in a private space', privateSpace);
    await hide('THREAD', await thread('hidden thread', publicSpace), ids['federationMember'], publicSpace);
    await thread('deleted thread', publicSpace, true);
    await comment('reply in a private space', 'THREAD', privateThread, ids['federationMember']);

    const consultation = async (name: string, question: string, isPublished: boolean) => {
      const row = await one(
        `INSERT INTO consultations (title, summary, opens_at, closes_at, published_at, created_by_id)
         VALUES ('Consultation', $1, now(), now() + interval '30 days', $2, $3) RETURNING id`,
        [words(name), isPublished ? new Date() : null, admin],
      );
      set(name, row.id);
      const q = await one(
        `INSERT INTO consultation_questions (consultation_id, position, kind, prompt) VALUES ($1, 1, 'TEXT', $2) RETURNING id`,
        [row.id, words(question)],
      );
      set(question, q.id);
      return row.id as string;
    };
    const open = await consultation('published consultation', 'question of a published consultation', true);
    await consultation('draft consultation', 'question of a draft consultation', false);
    const contribution = await one(
      `INSERT INTO contributions (consultation_id, organization_id, updated_by_id) VALUES ($1, $2, $3) RETURNING id`,
      [open, ids['ATLAS'], ids['companyMember']],
    );
    await comment('reply in a contribution’s discussion', 'CONTRIBUTION', contribution.id, ids['companyMember']);

    for (const [name, verified] of [
      ['verified organisation', true],
      ['unverified organisation', false],
    ] as const) {
      const row = await one(
        `INSERT INTO organizations (kind, name, description, verified_at) VALUES ('INSTITUTION', $1, $2, $3) RETURNING id`,
        [`Institut ${name}`, words(name), verified ? new Date() : null],
      );
      set(name, row.id);
    }
  }

  describe('leak matrix: every role × every visibility × every type, facets included', () => {
    it.each(ROLES)('%s finds exactly what they may read, and counts nothing else', async (role) => {
      const response = await search(role, { query: 'zyqprobe' });
      expect(response.errors).toBeUndefined();
      const expected = FIXTURES.filter((fixture) => fixture.readers.includes(role));
      const found = response.data!.search.edges.map((edge) => edge.node.id).sort();
      expect(found).toEqual(expected.map((fixture) => fixture.id).sort());
      expect(response.data!.search.totalCount).toBe(expected.length);
      const counts = Object.fromEntries(response.data!.search.facets.types.map((facet) => [facet.type, facet.count]));
      const expectedCounts: Record<string, number> = {};
      for (const fixture of expected) expectedCounts[fixture.type] = (expectedCounts[fixture.type] ?? 0) + 1;
      expect(counts).toEqual(expectedCounts);
      expect(response.data!.search.totalCountIsLowerBound).toBe(false);
      expect(response.data!.search.facets.types.some((facet) => facet.isLowerBound)).toBe(false);
      const onArticles = response.data!.search.facets.articles.reduce((sum, facet) => sum + facet.count, 0);
      expect(onArticles).toBe(expected.filter((fixture) => fixture.onArticle).length);
    });

    it('a common term runs another plan (planned per search, not prepared) and finds exactly the same', async () => {
      // A word in more than RARE_MATCHES deleted replies: readable by no one, but enough to make "zyqprobe or
      // zyqbulk" a common term, searched through the other plan; every role must find what "zyqprobe" finds.
      await app.db.query(
        `INSERT INTO comments (subject_type, subject_id, depth, author_id, body, deleted_at)
         SELECT 'ANNOTATION', $1, 1, $2, 'Texte zyqbulk ' || g, now() FROM generate_series(1, $3) AS g`,
        [FIXTURES.find((f) => f.name === 'public annotation')!.id, ids['companyMember'], RARE_MATCHES + 1],
      );
      const service = app.nest.get(SearchService);
      expect((await service.terms('zyqprobe', false)).rare).toBe(true);
      expect((await service.terms('zyqprobe or zyqbulk', false)).rare).toBe(false);
      for (const role of ROLES) {
        const rare = await search(role, { query: 'zyqprobe' });
        const common = await search(role, { query: 'zyqprobe or zyqbulk' });
        expect(common.errors).toBeUndefined();
        const summary = (response: GraphQLResponse<SearchData>) => ({
          role,
          ids: response.data!.search.edges.map((edge) => edge.node.id).sort(),
          totalCount: response.data!.search.totalCount,
          types: response.data!.search.facets.types,
          articles: response.data!.search.facets.articles,
        });
        expect(summary(common)).toEqual(summary(rare));
        expect(summary(rare).ids).toHaveLength(FIXTURES.filter((fixture) => fixture.readers.includes(role)).length);
      }
    });

    it.each(FIXTURES.map((fixture, index) => [fixture.name, index] as const))(
      '%s: its own word finds it for its readers only',
      async (_name, index) => {
        const fixture = FIXTURES[index];
        for (const role of ROLES) {
          const response = await search(role, { query: `zyqitem${String.fromCharCode(97 + index)}x` });
          const found = response.data!.search.edges.map((edge) => edge.node.id);
          expect([role, found]).toEqual([role, fixture.readers.includes(role) ? [fixture.id] : []]);
        }
      },
    );

    it('a filter on something one may not read counts nothing', async () => {
      const privateSpace = FIXTURES.find((fixture) => fixture.name === 'private space')!.id;
      const outsider = await search('companyMember', { query: 'zyqprobe', filter: { spaceId: privateSpace } });
      expect(outsider.data!.search.totalCount).toBe(0);
      expect(outsider.data!.search.facets.types).toEqual([]);
      const member = await search('federationMember', { query: 'zyqprobe', filter: { spaceId: privateSpace } });
      expect(member.data!.search.totalCount).toBe(3); // the space, its thread, the reply in it
    });

    it('a suspended person finds nothing: their session is over', async () => {
      const suspended = await app.gql(
        `mutation($input: ModerateUserInput!) { moderateUser(input: $input) { user { id } } }`,
        { input: { userId: ids['otherRepresentative'], action: 'SUSPEND', reason: 'Test' } },
        tokens.get('moderator'),
      );
      expect(outcome(suspended)).toBe('OK');
      expect(outcome(await search('otherRepresentative', { query: 'zyqprobe' }))).toBe('UNAUTHENTICATED');
      expect(outcome(await app.gql(SEARCH, { query: 'zyqprobe' }))).toBe('UNAUTHENTICATED');
    });
  });

  describe('filters, facets, links and pages', () => {
    it('filters by type, document, article, motivation, author and "mine"; facets count every type', async () => {
      const annotations = await search('admin', { query: 'zyqprobe', filter: { types: ['ANNOTATION'] } });
      expect(annotations.data!.search.edges.every((edge) => edge.node.type === 'ANNOTATION')).toBe(true);
      expect(annotations.data!.search.totalCount).toBe(4); // public, ORGANIZATION, hidden, on a draft
      expect(annotations.data!.search.facets.types.length).toBeGreaterThan(1);
      const onDocument = await search('admin', {
        query: 'zyqprobe',
        filter: { documentId: sharedDocument, articleKey: 'art-1' },
      });
      expect(new Set(onDocument.data!.search.edges.map((edge) => edge.node.type))).toEqual(
        new Set(['ARTICLE', 'ANNOTATION', 'REPLY']),
      );
      const mine = await search('federationMember', { query: 'zyqprobe', filter: { mine: true } });
      expect(mine.data!.search.edges.length).toBeGreaterThan(0);
      for (const edge of mine.data!.search.edges) expect(['ANNOTATION', 'THREAD', 'REPLY']).toContain(edge.node.type);
      const byAuthor = await search('admin', {
        query: 'zyqprobe',
        filter: { authorId: ids['companyMember'], motivation: 'COMMENTING' },
      });
      expect(byAuthor.data!.search.totalCount).toBe(0); // motivation: annotations only, none by this author
      const future = await search('admin', { query: 'zyqprobe', filter: { from: new Date(Date.now() + 86_400_000) } });
      expect(future.data!.search.totalCount).toBe(0);
    });

    it('links to the exact place: the annotation’s passage and article, the reply’s annotation', async () => {
      const response = await search('admin', { query: 'zyqprobe', filter: { types: ['ANNOTATION', 'REPLY'] } });
      const reply = response.data!.search.edges.find(
        (edge) => edge.node.id === FIXTURES.find((f) => f.name === 'reply to a public annotation')!.id,
      )!.node;
      expect(reply.target).toMatchObject({
        documentId: sharedDocument,
        versionNumber: 1,
        articleKey: 'art-1',
        start: 23,
        end: 28,
        annotationId: FIXTURES.find((f) => f.name === 'public annotation')!.id,
        commentId: reply.id,
      });
      expect(reply.snippetHtml).toContain('<mark>zyqprobe</mark>');
    });

    it('pages with cursors, and costs the same number of SQL statements whatever the page size', async () => {
      const first = await search('admin', { query: 'zyqprobe', first: 5 });
      const rest = await search('admin', {
        query: 'zyqprobe',
        first: 100,
        after: first.data!.search.pageInfo.endCursor,
      });
      const all = await search('admin', { query: 'zyqprobe', first: 100 });
      expect([...first.data!.search.edges, ...rest.data!.search.edges].map((edge) => edge.node.id)).toEqual(
        all.data!.search.edges.map((edge) => edge.node.id),
      );
      const statements = (response: GraphQLResponse) => Number(response.headers.get('x-sql-statements'));
      const small = await search('admin', { query: 'zyqprobe', first: 1 });
      expect(statements(small)).toBeGreaterThan(0);
      expect(statements(all)).toBe(statements(small));
    });

    it('the same matching filters existing lists: annotations of a version, threads of a space', async () => {
      const versionId = (
        await one('SELECT version_id FROM annotations WHERE id = $1', [
          FIXTURES.find((f) => f.name === 'public annotation')!.id,
        ])
      ).version_id;
      const annotations = await app.gql<{ document: { versionByNumber: { annotations: { totalCount: number } } } }>(
        `query($id: ID!, $text: String) { document(id: $id) { versionByNumber(number: 1) {
           annotations(filter: { text: $text }) { totalCount } } } }`,
        { id: sharedDocument, text: 'zyqprobe' },
        tokens.get('companyMember'),
      );
      expect(annotations.errors).toBeUndefined();
      expect(versionId).toBeTruthy();
      // Public only for this member: the ORGANIZATION, hidden and deleted ones stay out, as in the unfiltered list.
      expect(annotations.data!.document.versionByNumber.annotations.totalCount).toBe(1);
      const publicSpace = FIXTURES.find((f) => f.name === 'public space')!.id;
      const threads = async (text: string) =>
        (
          await app.gql<{ space: { threads: { totalCount: number } } }>(
            `query($id: ID!, $text: String) { space(id: $id) { threads(filter: { text: $text }) { totalCount } } }`,
            { id: publicSpace, text },
            tokens.get('companyMember'),
          )
        ).data!.space.threads.totalCount;
      expect(
        await threads(wordsOf(FIXTURES.findIndex((f) => f.name === 'thread in a public space')).split(' ')[1]),
      ).toBe(1);
      expect(await threads('zyqprobe')).toBe(1); // the hidden and the deleted thread stay out
      expect(await threads('zyqnothing')).toBe(0);
    });

    it('an organisation hit opens for everyone who finds it: its page (the web client’s /account/organizations/:id) reads it under the same rule', async () => {
      const PAGE = `query($id: ID!) { organization(id: $id) { id name members(first: 50) { totalCount } } }`;
      for (const name of ['verified organisation', 'unverified organisation']) {
        const fixture = FIXTURES.find((f) => f.name === name)!;
        // (otherRepresentative was suspended above.)
        for (const role of ROLES.filter((r) => r !== 'otherRepresentative')) {
          const found = (await search(role, { query: 'zyqprobe', filter: { types: ['ORGANIZATION'] } })).data!.search;
          const hit = found.edges.some((edge) => edge.node.id === fixture.id);
          const page = await app.gql(PAGE, { id: fixture.id }, tokens.get(role));
          expect([role, name, outcome(page)]).toEqual([role, name, hit ? 'OK' : 'NOT_FOUND']);
        }
      }
    });

    it('refuses an empty query or a forged cursor with BAD_USER_INPUT', async () => {
      expect(outcome(await search('admin', { query: '   ' }))).toBe('BAD_USER_INPUT');
      expect(outcome(await search('admin', { query: '"-' }))).toBe('BAD_USER_INPUT');
      expect(outcome(await search('admin', { query: 'x'.repeat(201) }))).toBe('BAD_USER_INPUT');
      const forged = Buffer.from(JSON.stringify(['1; DROP', 'x'])).toString('base64url');
      expect(outcome(await search('admin', { query: 'zyqprobe', after: forged }))).toBe('BAD_USER_INPUT');
    });
  });

  describe('languages', () => {
    let annotate: (body: string) => Promise<{ id: string; version: number }>;
    let member: string;

    beforeAll(async () => {
      member = tokens.get('federationMember')!;
      const documentId = await openDocument(app, tokens.get('moderator')!, SAMPLE_V1, 'LANGUES');
      const text = await plainTextOf(app, member, documentId, 1);
      annotate = async (body: string) => {
        const { start, end, ...target } = targetFor(text, 'dirhams');
        void start;
        void end;
        const created = await app.gql<{ createAnnotation: { annotation: { id: string; version: number } } }>(
          CREATE_ANNOTATION,
          { input: { documentId, versionNumber: 1, motivation: 'COMMENTING', body, target } },
          member,
        );
        if (created.errors) throw new Error(JSON.stringify(created.errors));
        return created.data!.createAnnotation.annotation;
      };
    });

    const finds = async (query: string, id: string, prefix = false) =>
      (await search('companyMember', { query, prefix })).data!.search.edges.some((edge) => edge.node.id === id);

    it('French: stems and accents ("réglementation" finds "reglementations")', async () => {
      const { id } = await annotate('Les reglementations sectorielles changent.');
      expect(await finds('réglementation', id)).toBe(true);
      expect(await finds('RÉGLEMENTATIONS', id)).toBe(true);
      expect(await finds('reglem', id, true)).toBe(true);
    });

    it('Arabic: alef and hamza forms, diacritics, tatweel, ta marbuta ("الإستثمار" finds "الاستثمار")', async () => {
      const { id } = await annotate('تشجيع الاستثمار في المنطقة الصناعية');
      expect(await finds('الإستثمار', id)).toBe(true);
      expect(await finds('الاسْتِثْمَـار', id)).toBe(true);
      expect(await finds('المنطقه', id)).toBe(true);
      const hit = (await search('companyMember', { query: 'الإستثمار' })).data!.search.edges.find(
        (edge) => edge.node.id === id,
      )!;
      expect(hit.node.snippetHtml).toContain('<mark>الاستثمار</mark>');
    });

    it('mixed text, phrases and English stems', async () => {
      const { id } = await annotate('Le plafond de 35 % pour les training costs, تشجيع الاستثمار.');
      expect(await finds('plafond training الاستثمار', id)).toBe(true);
      expect(await finds('"plafond de 35"', id)).toBe(true);
      expect(await finds('"35 de plafond"', id)).toBe(false);
      expect(await finds('training cost', id)).toBe(true);
      expect(await finds('plafond -training', id)).toBe(false);
    });

    it('snippets a Markdown body by the words it shows, and escapes the HTML typed in it', async () => {
      const { id } = await annotate(
        '**Plafond zyqgras** selon [la circulaire](https://example.org/c) et `code` <script>alert(1)</script>',
      );
      const hit = (await search('companyMember', { query: 'zyqgras' })).data!.search.edges.find(
        (edge) => edge.node.id === id,
      )!;
      expect(hit.node.snippetHtml).toBe(
        'Plafond <mark>zyqgras</mark> selon la circulaire et code &lt;script&gt;alert(1)&lt;/script&gt;',
      );
    });

    it('names and titles with a typo', async () => {
      const response = await search('companyMember', { query: 'Espace zyq-pubilc' });
      expect(response.data!.search.edges.map((edge) => edge.node.type)).toContain('SPACE');
    });

    it('an edit is searchable at once; deleted and hidden content leave the results at once', async () => {
      const created = await annotate('Premier texte zyqavant.');
      expect(await finds('zyqavant', created.id)).toBe(true);
      const edited = await app.gql<{ updateAnnotation: { annotation: { version: number } } }>(
        `mutation($input: UpdateAnnotationInput!) { updateAnnotation(input: $input) { annotation { version } } }`,
        { input: { id: created.id, version: created.version, body: 'Second texte zyqapres.' } },
        member,
      );
      expect(outcome(edited)).toBe('OK');
      expect(await finds('zyqavant', created.id)).toBe(false);
      expect(await finds('zyqapres', created.id)).toBe(true);

      const hidden = await app.gql(
        `mutation($input: ModerateContentInput!) { moderateContent(input: $input) { __typename } }`,
        { input: { contentType: 'ANNOTATION', contentId: created.id, action: 'HIDE', reason: 'Test', version: 0 } },
        tokens.get('moderator'),
      );
      expect(outcome(hidden)).toBe('OK');
      expect(await finds('zyqapres', created.id)).toBe(false);

      const other = await annotate('Texte zyqsupprime.');
      expect(await finds('zyqsupprime', other.id)).toBe(true);
      const deleted = await app.gql(
        `mutation($input: AnnotationIdInput!) { deleteAnnotation(input: $input) { annotation { id } } }`,
        { input: { id: other.id } },
        member,
      );
      expect(outcome(deleted)).toBe('OK');
      expect(await finds('zyqsupprime', other.id)).toBe(false);
    });
  });

  describe('a frequent term', () => {
    // SEARCH_WINDOW in libs/search: the newest matches of each kind that are ranked and counted.
    const WINDOW = 500;

    it('ranks the newest readable matches of each kind and says its counts are "at least"; the window holds readable matches only', async () => {
      const version = (
        await one(`SELECT version_id FROM annotations WHERE id = $1`, [
          FIXTURES.find((fixture) => fixture.name === 'public annotation')!.id,
        ])
      ).version_id;
      const insert = (count: number, visibility: string, audience: string | null, age: string) =>
        app.db.query(
          `INSERT INTO annotations (document_id, version_id, author_id, motivation, body, visibility,
              audience_organization_id, quote_exact, quote_prefix, quote_suffix, start_offset, end_offset, section_key,
              created_at)
           SELECT $1, $2, $3, 'COMMENTING', 'Texte zyqfrequent ' || g, $4, $5, 'texte', '', '', 23, 28, 'art-1',
                  now() - CAST($6 AS interval) - g * interval '1 second'
             FROM generate_series(1, $7) AS g RETURNING id`,
          [sharedDocument, version, ids['companyMember'], visibility, audience, age, count],
        );
      await insert(WINDOW + 5, 'PUBLIC', null, '1 day');
      // The newest ones: ATLAS's own, which FMO's members may not read (they must not fill FMO's window).
      const atlas = new Set((await insert(30, 'ORGANIZATION', ids['ATLAS'], '0 seconds')).rows.map((row) => row.id));

      for (const role of ['federationMember', 'companyMember'] as const) {
        const response = await search(role, { query: 'zyqfrequent', first: 100 });
        expect(response.errors).toBeUndefined();
        const result = response.data!.search;
        expect(result.facets.types).toEqual([{ type: 'ANNOTATION', count: WINDOW, isLowerBound: true }]);
        expect(result.totalCount).toBe(WINDOW);
        expect(result.totalCountIsLowerBound).toBe(true);
        expect(result.facets.articles).toEqual([
          expect.objectContaining({ articleKey: 'art-1', count: WINDOW, isLowerBound: true }),
        ]);
        const found = result.edges.map((edge) => edge.node.id);
        expect(found).toHaveLength(100);
        if (role === 'federationMember') expect(found.filter((id) => atlas.has(id))).toEqual([]);
      }
      // ATLAS's members read their 30, the newest: a date filter leaves those alone, counted exactly.
      const own = await search('companyMember', {
        query: 'zyqfrequent',
        first: 100,
        filter: { from: new Date(Date.now() - 3_600_000) },
      });
      expect(own.data!.search.edges.map((edge) => edge.node.id).sort()).toEqual([...atlas].sort());
      expect(own.data!.search.totalCountIsLowerBound).toBe(false);
    });
  });
});
