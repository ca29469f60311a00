import { ACCOUNTS } from '../support/demo-accounts';
import { TestApp, outcome, refusal, startTestApp } from '../support/test-app';

const CREATE_THREAD = `mutation($input: CreateThreadInput!) { createThread(input: $input) { thread { id version } } }`;
const POST = `mutation($input: PostCommentInput!) { postComment(input: $input) { comment { id depth } } }`;

describe('threads: order, locks, edits, mentions, what is new', () => {
  let app: TestApp;
  const token = {} as Record<keyof typeof ACCOUNTS, string>;
  const userId = new Map<string, string>();
  let publicSpace: string;
  let privateSpace: string;

  const thread = async (
    spaceId: string,
    input: Record<string, unknown> = {},
    who: keyof typeof ACCOUNTS = 'federationRepresentative',
  ) => {
    const created = await app.gql<{ createThread: { thread: { id: string; version: number } } }>(
      CREATE_THREAD,
      { input: { spaceId, title: 'Sujet', body: 'Corps', ...input } },
      token[who],
    );
    if (created.errors) throw new Error(JSON.stringify(created.errors));
    return created.data!.createThread.thread;
  };
  const reply = (
    who: keyof typeof ACCOUNTS,
    subjectId: string,
    body = 'Réponse',
    extra: Record<string, unknown> = {},
  ) =>
    app.gql<{ postComment: { comment: { id: string; depth: number } } }>(
      POST,
      { input: { subjectType: 'THREAD', subjectId, body, ...extra } },
      token[who],
    );

  beforeAll(async () => {
    app = await startTestApp();
    for (const role of Object.keys(ACCOUNTS) as (keyof typeof ACCOUNTS)[])
      token[role] = (await app.signIn(ACCOUNTS[role])).accessToken;
    for (const row of (await app.db.query('SELECT id, email FROM users')).rows) userId.set(row.email, row.id);
    const fmo = (await app.db.query(`SELECT id FROM organizations WHERE acronym = 'FMO'`)).rows[0].id;
    const create = `mutation($input: CreateSpaceInput!) { createSpace(input: $input) { space { id } } }`;
    publicSpace = (
      await app.gql<{ createSpace: { space: { id: string } } }>(
        create,
        { input: { name: 'Agora', slug: 'agora-test', ownerOrganizationId: fmo, visibility: 'PUBLIC' } },
        token.federationRepresentative,
      )
    ).data!.createSpace.space.id;
    privateSpace = (
      await app.gql<{ createSpace: { space: { id: string } } }>(
        create,
        { input: { name: 'Interne', slug: 'interne-test', ownerOrganizationId: fmo, visibility: 'PRIVATE' } },
        token.federationRepresentative,
      )
    ).data!.createSpace.space.id;
    await app.gql(
      `mutation($input: AddSpaceMemberInput!) { addSpaceMember(input: $input) { member { id } } }`,
      { input: { spaceId: privateSpace, organizationId: fmo, role: 'PARTICIPANT' } },
      token.federationRepresentative,
    );
  });
  afterAll(() => app.close());

  it('lists pinned threads first, then by last activity, and filters by tag', async () => {
    const old = await thread(publicSpace, { title: 'Ancien', tags: ['Zones'] });
    const pinned = await thread(publicSpace, { title: 'Épinglé', tags: ['annonce'] });
    await thread(publicSpace, { title: 'Récent', tags: ['zones', 'fiscalité'] });
    await app.gql(
      `mutation($input: SetThreadFlagInput!) { setThreadPinned(input: $input) { thread { id } } }`,
      { input: { id: pinned.id, value: true } },
      token.federationRepresentative,
    );
    await reply('companyMember', old.id); // activity brings it up
    const list = `query($id: ID!, $tag: String, $after: String) { space(id: $id) { threads(first: 2, after: $after, filter: { tag: $tag }) {
      totalCount edges { node { title tags pinned } } pageInfo { hasNextPage endCursor } } } }`;
    type Page = {
      space: {
        threads: {
          totalCount: number;
          edges: { node: { title: string } }[];
          pageInfo: { hasNextPage: boolean; endCursor: string };
        };
      };
    };
    const first = await app.gql<Page>(list, { id: publicSpace }, token.companyMember);
    const second = await app.gql<Page>(
      list,
      { id: publicSpace, after: first.data!.space.threads.pageInfo.endCursor },
      token.companyMember,
    );
    expect(
      [...first.data!.space.threads.edges, ...second.data!.space.threads.edges].map((edge) => edge.node.title),
    ).toEqual(['Épinglé', 'Ancien', 'Récent']);
    const tagged = await app.gql<Page>(list, { id: publicSpace, tag: 'ZONES' }, token.companyMember);
    expect(tagged.data!.space.threads.totalCount).toBe(2);
  });

  it('refuses replies to a locked thread with a clear message', async () => {
    const locked = await thread(publicSpace);
    await app.gql(
      `mutation($input: SetThreadLockedInput!) { setThreadLocked(input: $input) { thread { id } } }`,
      { input: { id: locked.id, value: true, reason: 'Débat clos' } },
      token.federationRepresentative,
    );
    const refused = await reply('companyMember', locked.id);
    expect(refusal(refused)).toBe('FORBIDDEN/THREAD_LOCKED');
    expect(refused.errors![0].message).toBe('This thread is locked: it takes no new replies.');
  });

  it('nests replies three deep at most, and keeps concurrent replies, in order', async () => {
    const subject = await thread(publicSpace);
    let parentId: string | undefined;
    for (let depth = 1; depth <= 3; depth++)
      parentId = (await reply('companyMember', subject.id, `Niveau ${depth}`, { parentId })).data!.postComment.comment
        .id;
    expect(outcome(await reply('companyMember', subject.id, 'Niveau 4', { parentId }))).toBe('BAD_USER_INPUT');
    const bodies = Array.from({ length: 6 }, (_, index) => `Simultanée ${index}`);
    const results = await Promise.all(
      bodies.map((body, index) => reply(index % 2 ? 'companyMember' : 'federationMember', subject.id, body)),
    );
    expect(results.map(outcome)).toEqual(bodies.map(() => 'OK'));
    const read = await app.gql<{
      thread: {
        replyCount: number;
        participantCount: number;
        replies: { edges: { node: { bodyMarkdown: string } }[] };
      };
    }>(
      `query($id: ID!) { thread(id: $id) { replyCount participantCount replies(first: 50) { edges { node { bodyMarkdown } } } } }`,
      { id: subject.id },
      token.companyMember,
    );
    expect(read.data!.thread.replyCount).toBe(9);
    expect(read.data!.thread.participantCount).toBe(3);
    expect(
      read
        .data!.thread.replies.edges.map((edge) => edge.node.bodyMarkdown)
        .filter((body) => body.startsWith('Simultanée'))
        .sort(),
    ).toEqual(bodies);
  });

  it('answers CONFLICT to a stale edit and keeps the history for moderators', async () => {
    const subject = await thread(publicSpace, { body: 'Première version' });
    const edit = `mutation($input: EditThreadInput!) { editThread(input: $input) { thread { version } } }`;
    const both = await Promise.all(
      ['A', 'B'].map((body) =>
        app.gql(edit, { input: { id: subject.id, version: subject.version, body } }, token.federationRepresentative),
      ),
    );
    expect(both.map(outcome).sort()).toEqual(['CONFLICT', 'OK']);
    const comment = (await reply('companyMember', subject.id, 'Avant')).data!.postComment.comment;
    await app.gql(
      `mutation($input: EditCommentInput!) { editComment(input: $input) { comment { id } } }`,
      { input: { id: comment.id, version: 1, body: 'Après' } },
      token.companyMember,
    );
    const history = `query($id: ID!) { thread(id: $id) { replies { edges { node { bodyMarkdown history { body } } } } } }`;
    expect((await app.gql(history, { id: subject.id }, token.moderator)).data).toEqual({
      thread: { replies: { edges: [{ node: { bodyMarkdown: 'Après', history: [{ body: 'Avant' }] } }] } },
    });
    expect((await app.gql(history, { id: subject.id }, token.federationMember)).data).toEqual({
      thread: { replies: { edges: [{ node: { bodyMarkdown: 'Après', history: null } }] } },
    });
  });

  it('never returns executable markup', async () => {
    const subject = await thread(publicSpace, {
      body: '<script>alert(1)</script> [clic](javascript:alert(document.cookie)) <a href="javascript:x">a</a>',
    });
    const posted = (await reply('companyMember', subject.id, '<img src=x onerror=alert(1)> [y](JaVaScRiPt:alert(1))'))
      .data!.postComment.comment;
    const read = await app.gql<{
      thread: { bodyHtml: string; replies: { edges: { node: { id: string; bodyHtml: string } }[] } };
    }>(
      `query($id: ID!) { thread(id: $id) { bodyHtml replies { edges { node { id bodyHtml } } } } }`,
      { id: subject.id },
      token.companyMember,
    );
    const html = [
      read.data!.thread.bodyHtml,
      ...read.data!.thread.replies.edges.map((edge) => edge.node.bodyHtml),
    ].join('\n');
    expect(read.data!.thread.replies.edges[0].node.id).toBe(posted.id);
    // Real tags only: the same characters escaped as text (&lt;script&gt;) are harmless.
    expect(html).not.toMatch(/<script|<img|<[a-z][^>]*\son\w+=|<a\s[^>]*href="\s*javascript/i);
    expect(html).toContain('&lt;script&gt;');
  });

  it('resolves mentions of people who can read the thread, and no one else', async () => {
    const subject = await thread(privateSpace);
    const member = userId.get(ACCOUNTS.federationMember)!;
    const outsider = userId.get(ACCOUNTS.companyMember)!;
    const body = `Avis de @[Khadija](user:${member}), de @[Claire](user:${outsider}) et de @[Personne](user:7d1c0a8e-7c5a-4b8e-9a55-0b7c1d2e3f40) ?`;
    const posted = (await reply('federationRepresentative', subject.id, body)).data!.postComment.comment;
    const read = await app.gql<{
      thread: { replies: { edges: { node: { mentions: { id: string }[]; bodyHtml: string } }[] } };
    }>(
      `query($id: ID!) { thread(id: $id) { replies { edges { node { mentions { id } bodyHtml } } } } }`,
      { id: subject.id },
      token.federationMember,
    );
    expect(read.data!.thread.replies.edges[0].node.mentions).toEqual([{ id: member }]);
    expect(read.data!.thread.replies.edges[0].node.bodyHtml).not.toContain('user:');
    expect(
      (await app.db.query('SELECT user_id FROM comment_mentions WHERE comment_id = $1', [posted.id])).rows,
    ).toEqual([{ user_id: member }]);
  });

  it('counts unread replies per person and lists what is new until it is read', async () => {
    const subject = await thread(privateSpace, { title: 'À lire' });
    await reply('federationRepresentative', subject.id, 'Mienne');
    await reply('federationMember', subject.id, 'Une');
    await reply('federationMember', subject.id, 'Deux');
    const unread = `query($id: ID!) { thread(id: $id) { unreadCount } }`;
    const news = `{ whatsNew(first: 50) { edges { node { title unreadCount } } } }`;
    expect((await app.gql(unread, { id: subject.id }, token.federationRepresentative)).data).toEqual({
      thread: { unreadCount: 2 },
    });
    type News = { whatsNew: { edges: { node: { title: string; unreadCount: number } }[] } };
    expect(
      (await app.gql<News>(news, {}, token.federationRepresentative)).data!.whatsNew.edges.map((edge) => edge.node),
    ).toContainEqual({ title: 'À lire', unreadCount: 2 });
    await app.gql(
      `mutation($input: ThreadIdInput!) { markThreadRead(input: $input) { thread { id } } }`,
      { input: { id: subject.id } },
      token.federationRepresentative,
    );
    expect((await app.gql(unread, { id: subject.id }, token.federationRepresentative)).data).toEqual({
      thread: { unreadCount: 0 },
    });
    expect(
      (await app.gql<News>(news, {}, token.federationRepresentative)).data!.whatsNew.edges.map(
        (edge) => edge.node.title,
      ),
    ).not.toContain('À lire');
    // Their own activity is not news to the member who wrote last.
    expect(
      (await app.gql<News>(news, {}, token.federationMember)).data!.whatsNew.edges.map((edge) => edge.node.title),
    ).not.toContain('À lire');
  });

  it('reads a page of threads with authors, counts and unread state in as many statements for 2 as for 40', async () => {
    const { rows } = await app.db.query(`SELECT id FROM organizations WHERE acronym = 'ARC'`);
    const space = (
      await app.gql<{ createSpace: { space: { id: string } } }>(
        `mutation($input: CreateSpaceInput!) { createSpace(input: $input) { space { id } } }`,
        { input: { name: 'Charge', slug: 'charge-test', ownerOrganizationId: rows[0].id, visibility: 'PUBLIC' } },
        token.moderator,
      )
    ).data!.createSpace.space.id;
    for (let index = 0; index < 40; index++) {
      const created = await thread(space, { title: `Fil ${index}` }, index % 2 ? 'companyMember' : 'federationMember');
      if (index % 3 === 0) await reply('companyRepresentative', created.id);
    }
    const query = `query($id: ID!, $first: Int) { space(id: $id) { viewerRole threads(first: $first) { edges { node {
      title author { displayName } organization { name } space { name } replyCount participantCount unreadCount citation { sectionKey } } } } } }`;
    const small = await app.gql<{ space: { threads: { edges: unknown[] } } }>(
      query,
      { id: space, first: 2 },
      token.federationRepresentative,
    );
    const large = await app.gql<{ space: { threads: { edges: unknown[] } } }>(
      query,
      { id: space, first: 40 },
      token.federationRepresentative,
    );
    expect(large.data!.space.threads.edges).toHaveLength(40);
    expect(Number(large.headers.get('x-sql-statements'))).toBe(Number(small.headers.get('x-sql-statements')));
  });

  it('lists a page in 3 statements, session check included, whatever its size, and takes a reply in at most 5', async () => {
    const { rows } = await app.db.query(`SELECT id FROM organizations WHERE acronym = 'ARC'`);
    const space = (
      await app.gql<{ createSpace: { space: { id: string } } }>(
        `mutation($input: CreateSpaceInput!) { createSpace(input: $input) { space { id } } }`,
        { input: { name: 'Compte', slug: 'compte-test', ownerOrganizationId: rows[0].id, visibility: 'PUBLIC' } },
        token.moderator,
      )
    ).data!.createSpace.space.id;
    const ids: string[] = [];
    for (let index = 0; index < 12; index++) {
      ids.push((await thread(space, { title: `Sujet ${index}` }, index % 2 ? 'companyMember' : 'federationMember')).id);
      await reply('companyRepresentative', ids[index]);
    }
    // The page the threads benchmark reads (bench/threads.run.ts): authors, counts and unread state, no total.
    const query = `query($id: ID!, $first: Int) { space(id: $id) { threads(first: $first) { edges { node {
      id title pinned lastActivityAt author { displayName } replyCount participantCount unreadCount } } } } }`;
    const statements = async (first: number) => {
      const page = await app.gql<{ space: { threads: { edges: unknown[] } } }>(
        query,
        { id: space, first },
        token.federationRepresentative,
      );
      expect(page.data!.space.threads.edges).toHaveLength(first);
      return Number(page.headers.get('x-sql-statements'));
    };
    expect(await statements(2)).toBe(3);
    expect(await statements(12)).toBe(3);

    const posted = await reply('federationRepresentative', ids[0], 'Une réponse de plus.');
    expect(posted.errors).toBeUndefined();
    expect(Number(posted.headers.get('x-sql-statements'))).toBeLessThanOrEqual(5);
    // The reply is counted and brings its thread up (its last activity, set in the reply's statement).
    const first = await app.gql<{ space: { threads: { edges: { node: { id: string; replyCount: number } }[] } } }>(
      `query($id: ID!) { space(id: $id) { threads(first: 1) { totalCount edges { node { id replyCount } } } } }`,
      { id: space },
      token.federationRepresentative,
    );
    expect(first.data!.space.threads.edges[0]!.node).toEqual({ id: ids[0], replyCount: 2 });
    expect(first.data!.space.threads).toMatchObject({ totalCount: 12 });
  });
});
