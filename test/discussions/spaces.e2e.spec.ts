import { ACCOUNTS } from '../support/demo-accounts';
import { TestApp, outcome, startTestApp } from '../support/test-app';

type Who = 'owner' | 'spaceModerator' | 'participant' | 'observer' | 'outsider' | 'platformModerator';
const PEOPLE: Record<Who, keyof typeof ACCOUNTS> = {
  owner: 'federationRepresentative',
  spaceModerator: 'companyRepresentative',
  participant: 'companyMember',
  observer: 'otherRepresentative',
  outsider: 'federationMember',
  platformModerator: 'moderator',
};
const WHO = Object.keys(PEOPLE) as Who[];
type Visibility = 'PUBLIC' | 'RESTRICTED' | 'PRIVATE';
const VISIBILITIES: Visibility[] = ['PUBLIC', 'RESTRICTED', 'PRIVATE'];

const CREATE_THREAD = `mutation($input: CreateThreadInput!) { createThread(input: $input) { thread { id version } } }`;
const POST = `mutation($input: PostCommentInput!) { postComment(input: $input) { comment { id depth } } }`;

/** What each person may do in a space of each visibility: OK, or the error code. */
const READ: Record<Visibility, Record<Who, string>> = {
  PUBLIC: {
    owner: 'OK',
    spaceModerator: 'OK',
    participant: 'OK',
    observer: 'OK',
    outsider: 'OK',
    platformModerator: 'OK',
  },
  RESTRICTED: {
    owner: 'OK',
    spaceModerator: 'OK',
    participant: 'OK',
    observer: 'OK',
    outsider: 'OK',
    platformModerator: 'OK',
  },
  PRIVATE: {
    owner: 'OK',
    spaceModerator: 'OK',
    participant: 'OK',
    observer: 'OK',
    outsider: 'NOT_FOUND',
    platformModerator: 'NOT_FOUND',
  },
};
const POST_RULES: Record<Visibility, Record<Who, string>> = {
  PUBLIC: {
    owner: 'OK',
    spaceModerator: 'OK',
    participant: 'OK',
    observer: 'FORBIDDEN',
    outsider: 'OK',
    platformModerator: 'OK',
  },
  RESTRICTED: {
    owner: 'OK',
    spaceModerator: 'OK',
    participant: 'OK',
    observer: 'FORBIDDEN',
    outsider: 'FORBIDDEN',
    platformModerator: 'FORBIDDEN',
  },
  PRIVATE: {
    owner: 'OK',
    spaceModerator: 'OK',
    participant: 'OK',
    observer: 'FORBIDDEN',
    outsider: 'NOT_FOUND',
    platformModerator: 'NOT_FOUND',
  },
};
const MODERATE: Record<Visibility, Record<Who, string>> = {
  PUBLIC: {
    owner: 'OK',
    spaceModerator: 'OK',
    participant: 'FORBIDDEN',
    observer: 'FORBIDDEN',
    outsider: 'FORBIDDEN',
    platformModerator: 'OK',
  },
  RESTRICTED: {
    owner: 'OK',
    spaceModerator: 'OK',
    participant: 'FORBIDDEN',
    observer: 'FORBIDDEN',
    outsider: 'FORBIDDEN',
    platformModerator: 'OK',
  },
  PRIVATE: {
    owner: 'OK',
    spaceModerator: 'OK',
    participant: 'FORBIDDEN',
    observer: 'FORBIDDEN',
    outsider: 'NOT_FOUND',
    platformModerator: 'NOT_FOUND',
  },
};
const EDIT: Record<Visibility, Record<Who, string>> = {
  PUBLIC: {
    owner: 'OK',
    spaceModerator: 'FORBIDDEN',
    participant: 'FORBIDDEN',
    observer: 'FORBIDDEN',
    outsider: 'FORBIDDEN',
    platformModerator: 'FORBIDDEN',
  },
  RESTRICTED: {
    owner: 'OK',
    spaceModerator: 'FORBIDDEN',
    participant: 'FORBIDDEN',
    observer: 'FORBIDDEN',
    outsider: 'FORBIDDEN',
    platformModerator: 'FORBIDDEN',
  },
  PRIVATE: {
    owner: 'OK',
    spaceModerator: 'FORBIDDEN',
    participant: 'FORBIDDEN',
    observer: 'FORBIDDEN',
    outsider: 'NOT_FOUND',
    platformModerator: 'NOT_FOUND',
  },
};

describe('discussion spaces: visibility × role', () => {
  let app: TestApp;
  const token = {} as Record<Who, string>;
  const spaceIds = {} as Record<Visibility, string>;
  let atlasId: string;

  const threadIn = async (visibility: Visibility, title = 'Sujet') =>
    (
      await app.gql<{ createThread: { thread: { id: string; version: number } } }>(
        CREATE_THREAD,
        { input: { spaceId: spaceIds[visibility], title, body: 'Corps', tags: ['Test'] } },
        token.owner,
      )
    ).data!.createThread.thread;
  const count = async (table: string) =>
    (await app.db.query(`SELECT count(*)::int AS n FROM ${table}`)).rows[0].n as number;

  beforeAll(async () => {
    app = await startTestApp();
    for (const who of WHO) token[who] = (await app.signIn(ACCOUNTS[PEOPLE[who]])).accessToken;
    const fmo = (await app.db.query(`SELECT id FROM organizations WHERE acronym = 'FMO'`)).rows[0].id;
    atlasId = (await app.db.query(`SELECT id FROM organizations WHERE name LIKE 'Atlas%'`)).rows[0].id;
    const users = new Map(
      (await app.db.query('SELECT id, email FROM users')).rows.map((row: { id: string; email: string }) => [
        row.email,
        row.id,
      ]),
    );
    for (const visibility of VISIBILITIES) {
      const created = await app.gql<{ createSpace: { space: { id: string } } }>(
        `mutation($input: CreateSpaceInput!) { createSpace(input: $input) { space { id } } }`,
        {
          input: {
            name: `Espace ${visibility}`,
            slug: `test-${visibility.toLowerCase()}`,
            ownerOrganizationId: fmo,
            visibility,
          },
        },
        token.owner,
      );
      spaceIds[visibility] = created.data!.createSpace.space.id;
      const add = `mutation($input: AddSpaceMemberInput!) { addSpaceMember(input: $input) { member { role } } }`;
      for (const input of [
        { userId: users.get(ACCOUNTS.companyRepresentative), role: 'MODERATOR' },
        { organizationId: atlasId, role: 'PARTICIPANT' },
        { userId: users.get(ACCOUNTS.otherRepresentative), role: 'OBSERVER' },
      ]) {
        const added = await app.gql(add, { input: { spaceId: spaceIds[visibility], ...input } }, token.owner);
        if (added.errors) throw new Error(JSON.stringify(added.errors));
      }
    }
  });
  afterAll(() => app.close());

  describe.each(VISIBILITIES)('%s space', (visibility) => {
    it.each(WHO)('read as %s', async (who) => {
      const read = await app.gql<{ space: { threads: { totalCount: number } } }>(
        `query($id: ID!) { space(id: $id) { name threads { totalCount } } }`,
        { id: spaceIds[visibility] },
        token[who],
      );
      expect(outcome(read)).toBe(READ[visibility][who]);
      const listed = await app.gql<{ spaces: { edges: { node: { id: string } }[] } }>(
        `{ spaces(first: 100) { edges { node { id } } } }`,
        {},
        token[who],
      );
      expect(listed.data!.spaces.edges.some((edge) => edge.node.id === spaceIds[visibility])).toBe(
        READ[visibility][who] === 'OK',
      );
    });

    it.each(WHO)('start a thread and reply as %s', async (who) => {
      const [threads, comments] = [await count('threads'), await count('comments')];
      const created = await app.gql(
        CREATE_THREAD,
        { input: { spaceId: spaceIds[visibility], title: `Par ${who}`, body: 'Corps' } },
        token[who],
      );
      expect(outcome(created)).toBe(POST_RULES[visibility][who]);
      const thread = await threadIn(visibility);
      const replied = await app.gql(
        POST,
        { input: { subjectType: 'THREAD', subjectId: thread.id, body: `Réponse de ${who}` } },
        token[who],
      );
      expect(outcome(replied)).toBe(POST_RULES[visibility][who]);
      const ok = POST_RULES[visibility][who] === 'OK' ? 1 : 0;
      expect([await count('threads'), await count('comments')]).toEqual([threads + ok + 1, comments + ok]);
    });

    it.each(WHO)('pin and lock as %s', async (who) => {
      const thread = await threadIn(visibility);
      for (const [mutation, inputType, extra] of [
        ['setThreadPinned', 'SetThreadFlagInput', {}],
        ['setThreadLocked', 'SetThreadLockedInput', { reason: 'Débat clos' }],
      ] as const) {
        const result = await app.gql(
          `mutation($input: ${inputType}!) { ${mutation}(input: $input) { thread { pinned locked } } }`,
          { input: { id: thread.id, value: true, ...extra } },
          token[who],
        );
        expect([mutation, outcome(result)]).toEqual([mutation, MODERATE[visibility][who]]);
      }
      const { rows } = await app.db.query('SELECT pinned, locked FROM threads WHERE id = $1', [thread.id]);
      expect(rows[0]).toEqual({
        pinned: MODERATE[visibility][who] === 'OK',
        locked: MODERATE[visibility][who] === 'OK',
      });
    });

    it.each(WHO)('edit and delete the owner’s thread as %s', async (who) => {
      const thread = await threadIn(visibility);
      const edited = await app.gql(
        `mutation($input: EditThreadInput!) { editThread(input: $input) { thread { title } } }`,
        { input: { id: thread.id, version: thread.version, title: `Retitré par ${who}` } },
        token[who],
      );
      expect(outcome(edited)).toBe(EDIT[visibility][who]);
      const deleted = await app.gql(
        `mutation($input: ThreadIdInput!) { deleteThread(input: $input) { thread { id } } }`,
        { input: { id: thread.id } },
        token[who],
      );
      expect(outcome(deleted)).toBe(EDIT[visibility][who]);
      const { rows } = await app.db.query('SELECT deleted_at FROM threads WHERE id = $1', [thread.id]);
      expect(rows[0].deleted_at !== null).toBe(EDIT[visibility][who] === 'OK');
    });
  });

  it('leaks nothing of a PRIVATE space to outsiders: not its threads, counts or news', async () => {
    const thread = await threadIn('PRIVATE', 'Secret de fédération');
    await app.gql(POST, { input: { subjectType: 'THREAD', subjectId: thread.id, body: 'Réponse' } }, token.participant);
    for (const who of ['outsider', 'platformModerator'] as const) {
      expect(
        outcome(await app.gql(`query($id: ID!) { thread(id: $id) { title } }`, { id: thread.id }, token[who])),
      ).toBe('NOT_FOUND');
      expect(
        outcome(await app.gql(POST, { input: { subjectType: 'THREAD', subjectId: thread.id, body: 'x' } }, token[who])),
      ).toBe('NOT_FOUND');
      const news = await app.gql<{ whatsNew: { totalCount: number; edges: { node: { title: string } }[] } }>(
        `{ whatsNew(first: 100) { totalCount edges { node { title } } } }`,
        {},
        token[who],
      );
      expect(news.data!.whatsNew.edges.map((edge) => edge.node.title)).not.toContain('Secret de fédération');
      const slug = await app.gql(`{ space(id: "test-private") { id } }`, {}, token[who]);
      expect(outcome(slug)).toBe('NOT_FOUND');
    }
    const news = await app.gql<{ whatsNew: { edges: { node: { title: string } }[] } }>(
      `{ whatsNew(first: 100) { edges { node { title } } } }`,
      {},
      token.observer,
    );
    expect(news.data!.whatsNew.edges.map((edge) => edge.node.title)).toContain('Secret de fédération');
  });

  it('follows organisation membership: joining Atlas opens the PRIVATE space, leaving closes it', async () => {
    const email = `nouvelle-${Date.now()}@atlas.example`;
    const admin = (await app.signIn(ACCOUNTS.admin)).accessToken;
    const invited = await app.gql<{ inviteMember: { token: string } }>(
      `mutation($input: InviteMemberInput!) { inviteMember(input: $input) { token } }`,
      { input: { organizationId: atlasId, email, role: 'MEMBER' } },
      admin,
    );
    const accepted = await app.gql<{ acceptInvitation: { membership: { id: string } } }>(
      `mutation($input: AcceptInvitationInput!) { acceptInvitation(input: $input) { membership { id } } }`,
      {
        input: {
          token: invited.data!.inviteMember.token,
          password: 'une phrase assez longue',
          displayName: 'Nouvelle',
        },
      },
    );
    let newcomer = (await app.signIn(email, 'une phrase assez longue')).accessToken;
    const read = `query($id: ID!) { space(id: $id) { viewerRole } }`;
    expect((await app.gql(read, { id: spaceIds.PRIVATE }, newcomer)).data).toEqual({
      space: { viewerRole: 'PARTICIPANT' },
    });
    await app.gql(
      `mutation($input: MembershipIdInput!) { removeMembership(input: $input) { membership { id } } }`,
      { input: { membershipId: accepted.data!.acceptInvitation.membership.id } },
      admin,
    );
    newcomer = (await app.signIn(email, 'une phrase assez longue')).accessToken;
    expect(outcome(await app.gql(read, { id: spaceIds.PRIVATE }, newcomer))).toBe('NOT_FOUND');
  });
});
