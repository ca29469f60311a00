import { ACCOUNTS, sampleOrganizationIds, signInDemoAccounts } from '../support/demo-accounts';
import { CREATE_ANNOTATION, SAMPLE_V1, openDocument, plainTextOf, targetFor } from '../support/documents';
import { GraphQLResponse, TestApp, outcome, startTestApp } from '../support/test-app';

type Account = keyof typeof ACCOUNTS;
interface Page<T> {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: { node: T }[];
}

const PAGE = 'totalCount pageInfo { hasNextPage endCursor }';
const MY_ANNOTATIONS = `query($filter: MyAnnotationsFilter, $first: Int, $after: String) {
  myAnnotations(filter: $filter, first: $first, after: $after) { ${PAGE} edges { node {
    id motivation bodyMarkdown author { displayName } organization { name } replyCount endorsementCount
    moderation { hidden } createdOnVersion { number } } } } }`;
const MY_THREADS = `query($filter: MyThreadsFilter, $first: Int, $after: String) {
  myThreads(filter: $filter, first: $first, after: $after) { ${PAGE} edges { node {
    id title author { displayName } space { id name } replyCount moderation { hidden } } } } }`;
const MY_CONTRIBUTIONS = `query($filter: MyContributionsFilter, $first: Int, $after: String) {
  myContributions(filter: $filter, first: $first, after: $after) { ${PAGE} edges { node {
    id status consultation { id title state } organization { name } } } } }`;
const MY_CONSULTATIONS = `query($filter: MyConsultationsFilter, $first: Int, $after: String) {
  myConsultations(filter: $filter, first: $first, after: $after) { ${PAGE} edges { node { id title state } } } }`;
const MY_REPORTS = `query($first: Int, $after: String) {
  myReports(first: $first, after: $after) { ${PAGE} edges { node { id contentType contentId status } } } }`;

describe('"mine" lists: my annotations, threads, organisations’ contributions and consultations, reports (issue 14, item 9)', () => {
  let app: TestApp;
  let token: Record<Account, string>;
  let org: Record<string, string>;
  let documentId: string;
  let spaceId: string;
  let privateSpaceId: string;
  const annotationIds: string[] = [];
  const threadIds: string[] = [];

  async function list<T>(query: string, who: Account, variables: Record<string, unknown> = {}) {
    const response = await app.gql<Record<string, Page<T>>>(query, variables, token[who]);
    expect(response.errors).toBeUndefined();
    return { page: Object.values(response.data!)[0], response };
  }
  /** Every node across pages of `size`. */
  async function all<T extends { id: string }>(
    query: string,
    who: Account,
    variables: Record<string, unknown>,
    size: number,
  ) {
    const nodes: T[] = [];
    let after: string | null = null;
    for (;;) {
      const { page }: { page: Page<T> } = await list<T>(query, who, { ...variables, first: size, after });
      nodes.push(...page.edges.map((edge) => edge.node));
      if (!page.pageInfo.hasNextPage) return nodes;
      after = page.pageInfo.endCursor;
    }
  }
  const statements = (response: GraphQLResponse) => Number(response.headers.get('x-sql-statements'));
  const hide = async (contentType: string, contentId: string) => {
    await app.gql(
      `mutation($input: ReportContentInput!) { reportContent(input: $input) { reported } }`,
      { input: { contentType, contentId, reason: 'ABUSIVE' } },
      token.companyRepresentative,
    );
    const version = (await app.db.query(`SELECT version FROM content_moderation WHERE content_id = $1`, [contentId]))
      .rows[0].version;
    const hidden = await app.gql(
      `mutation($input: ModerateContentInput!) { moderateContent(input: $input) { version } }`,
      { input: { contentType, contentId, action: 'HIDE', reason: 'Hors sujet', version } },
      token.moderator,
    );
    expect(outcome(hidden)).toBe('OK');
  };

  beforeAll(async () => {
    app = await startTestApp();
    token = await signInDemoAccounts(app);
    org = await sampleOrganizationIds(app);
    documentId = await openDocument(app, token.moderator, SAMPLE_V1);
    const text = await plainTextOf(app, token.federationMember, documentId, 1);
    const passages = ['Guichet unique', 'dirhams', 'Article', 'formation'];
    for (const [index, exact] of passages.entries()) {
      const created = await app.gql<{ createAnnotation: { annotation: { id: string } } }>(
        CREATE_ANNOTATION,
        {
          input: {
            documentId,
            versionNumber: 1,
            target: targetFor(text, exact),
            motivation: index % 2 ? 'QUESTIONING' : 'COMMENTING',
            visibility: index === 1 ? 'ORGANIZATION' : 'PUBLIC',
            body: `Remarque ${index}`,
          },
        },
        token.federationMember,
      );
      expect(created.errors).toBeUndefined();
      annotationIds.push(created.data!.createAnnotation.annotation.id);
    }
    const space = async (slug: string, visibility: string) =>
      (
        await app.gql<{ createSpace: { space: { id: string } } }>(
          `mutation($input: CreateSpaceInput!) { createSpace(input: $input) { space { id } } }`,
          { input: { name: slug, slug, ownerOrganizationId: org['FMO'], visibility } },
          token.federationRepresentative,
        )
      ).data!.createSpace.space.id;
    spaceId = await space('agora-mine', 'PUBLIC');
    privateSpaceId = await space('prive-mine', 'PRIVATE');
    await app.gql(
      `mutation($input: AddSpaceMemberInput!) { addSpaceMember(input: $input) { member { role } } }`,
      { input: { spaceId: privateSpaceId, organizationId: org['FMO'], role: 'PARTICIPANT' } },
      token.federationRepresentative,
    );
    for (const [index, where] of [spaceId, spaceId, spaceId, privateSpaceId].entries()) {
      const created = await app.gql<{ createThread: { thread: { id: string } } }>(
        `mutation($input: CreateThreadInput!) { createThread(input: $input) { thread { id } } }`,
        { input: { spaceId: where, title: `Sujet ${index}`, body: 'Texte', tags: index === 0 ? ['formation'] : [] } },
        token.federationMember,
      );
      expect(created.errors).toBeUndefined();
      threadIds.push(created.data!.createThread.thread.id);
    }
  });
  afterAll(() => app.close());

  it('lists my annotations: deleted ones gone, hidden ones still mine to see, filters, nobody else’s', async () => {
    await app.gql(
      `mutation($input: AnnotationIdInput!) { deleteAnnotation(input: $input) { annotation { id } } }`,
      { input: { id: annotationIds[3] } },
      token.federationMember,
    );
    await hide('ANNOTATION', annotationIds[2]);
    const mine = await all<{ id: string; moderation: { hidden: boolean } | null }>(
      MY_ANNOTATIONS,
      'federationMember',
      { filter: { documentId } },
      2,
    );
    expect(mine.map((node) => node.id)).toEqual([annotationIds[2], annotationIds[1], annotationIds[0]]);
    expect(mine[0].moderation?.hidden).toBe(true);
    const questions = await list<{ id: string }>(MY_ANNOTATIONS, 'federationMember', {
      filter: { documentId, motivation: 'QUESTIONING' },
    });
    expect(questions.page.edges.map((edge) => edge.node.id)).toEqual([annotationIds[1]]);
    const others = await list<{ id: string }>(MY_ANNOTATIONS, 'federationRepresentative', { filter: { documentId } });
    expect(others.page.totalCount).toBe(0);
    const bad = await app.gql(MY_ANNOTATIONS, { filter: { documentId: 'pas-un-id' } }, token.federationMember);
    expect(outcome(bad)).toBe('BAD_USER_INPUT');
  });

  it('lists my threads in the spaces I still read, hidden ones included, by space or tag', async () => {
    await hide('THREAD', threadIds[1]);
    const mine = await all<{ id: string; space: { id: string } }>(MY_THREADS, 'federationMember', {}, 2);
    expect(mine.map((node) => node.id)).toEqual(expect.arrayContaining(threadIds));
    const inAgora = await list<{ id: string; moderation: { hidden: boolean } | null }>(MY_THREADS, 'federationMember', {
      filter: { spaceId },
    });
    expect(inAgora.page.totalCount).toBe(3);
    expect(inAgora.page.edges.find((edge) => edge.node.id === threadIds[1])!.node.moderation?.hidden).toBe(true);
    const tagged = await list<{ id: string }>(MY_THREADS, 'federationMember', { filter: { tag: 'Formation' } });
    expect(tagged.page.edges.map((edge) => edge.node.id)).toEqual([threadIds[0]]);

    // Once FMO leaves the private space, its thread there is no longer listed (the space is no longer readable).
    await app.db.query(`DELETE FROM space_members WHERE space_id = $1 AND organization_id = $2`, [
      privateSpaceId,
      org['FMO'],
    ]);
    const after = await list<{ id: string }>(MY_THREADS, 'federationMember', { filter: { spaceId: privateSpaceId } });
    expect(after.page.totalCount).toBe(0);
    expect((await list(MY_THREADS, 'companyMember', { filter: { spaceId } })).page.totalCount).toBe(0);
  });

  it('lists my organisations’ contributions and the consultations they joined, to their members only', async () => {
    const baseline = (await list<{ id: string }>(MY_CONSULTATIONS, 'federationMember')).page.totalCount;
    expect(baseline).toBeGreaterThanOrEqual(1); // the sample consultation FMO joined
    const now = app.clock.now().getTime();
    const created = await app.gql<{ createConsultation: { consultation: { id: string } } }>(
      `mutation($input: CreateConsultationInput!) { createConsultation(input: $input) { consultation { id } } }`,
      {
        input: {
          title: 'Consultation des miens',
          summary: 'Vos avis.',
          opensAt: new Date(now - 3600_000),
          closesAt: new Date(now + 48 * 3600_000),
          eligibleKinds: ['FEDERATION', 'COMPANY'],
          questions: [{ kind: 'TEXT', prompt: 'Votre avis', required: false, maxLength: 2000 }],
        },
      },
      token.moderator,
    );
    const consultationId = created.data!.createConsultation.consultation.id;
    await app.gql(
      `mutation($input: ConsultationIdInput!) { publishConsultation(input: $input) { consultation { id } } }`,
      { input: { id: consultationId } },
      token.moderator,
    );
    const joined = await app.gql(
      `mutation($input: JoinConsultationInput!) { joinConsultation(input: $input) { contribution { id } } }`,
      { input: { consultationId, organizationId: org['FMO'] } },
      token.federationRepresentative,
    );
    expect(outcome(joined)).toBe('OK');

    const consultations = await all<{ id: string; state: string }>(MY_CONSULTATIONS, 'federationMember', {}, 1);
    expect(consultations).toHaveLength(baseline + 1);
    expect(consultations.map((node) => node.id)).toContain(consultationId);
    const contributions = await all<{
      id: string;
      status: string;
      consultation: { id: string };
      organization: { name: string };
    }>(MY_CONTRIBUTIONS, 'federationMember', {}, 1);
    expect(contributions).toHaveLength(baseline + 1);
    const fresh = contributions.find((node) => node.consultation.id === consultationId)!;
    expect(fresh.status).toBe('DRAFT');
    expect(fresh.organization.name).toMatch(/Offshoring/);
    expect(
      (await list(MY_CONTRIBUTIONS, 'federationMember', { filter: { status: 'SUBMITTED' } })).page.totalCount,
    ).toBe(contributions.filter((node) => node.status === 'SUBMITTED').length);

    // Atlas did not join; the ministry's moderator belongs to no participating organisation.
    for (const who of ['companyMember', 'moderator'] as const) {
      expect((await list(MY_CONTRIBUTIONS, who)).page.totalCount).toBe(0);
      expect((await list(MY_CONSULTATIONS, who)).page.totalCount).toBe(0);
    }
    // Filtering on someone else's organisation finds nothing.
    expect(
      (await list(MY_CONTRIBUTIONS, 'companyMember', { filter: { organizationId: org['FMO'] } })).page.totalCount,
    ).toBe(0);
  });

  it('costs the same number of SQL statements whatever the page size', async () => {
    // Enough of everything for pages of 1 and of 4.
    for (const id of [threadIds[0], threadIds[2]])
      await app.gql(
        `mutation($input: ReportContentInput!) { reportContent(input: $input) { reported } }`,
        { input: { contentType: 'THREAD', contentId: id, reason: 'SPAM' } },
        token.companyRepresentative,
      );
    // The small pages of annotations and threads already hold a hidden one (its redaction costs one lookup per page).
    const cases: [string, Account, number][] = [
      [MY_ANNOTATIONS, 'federationMember', 2],
      [MY_THREADS, 'federationMember', 2],
      [MY_CONTRIBUTIONS, 'federationMember', 1],
      [MY_CONSULTATIONS, 'federationMember', 1],
      [MY_REPORTS, 'companyRepresentative', 1],
    ];
    for (const [query, who, smallSize] of cases) {
      const small = await list(query, who, { first: smallSize });
      const large = await list(query, who, { first: 5 });
      expect(large.page.edges.length).toBeGreaterThan(small.page.edges.length);
      expect([query.slice(0, 30), statements(large.response)]).toEqual([
        query.slice(0, 30),
        statements(small.response),
      ]);
    }
  });
});
