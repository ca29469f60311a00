import { ACCOUNTS } from '../support/demo-accounts';
import { TestApp, startTestApp } from '../support/test-app';

const CITING = `query($documentId: ID!, $sectionKey: String) { citingThreads(documentId: $documentId, sectionKey: $sectionKey, first: 50) {
  totalCount edges { node { id title citation { sectionKey } space { slug } } } } }`;
const UNREAD = `query { spaces(first: 50) { edges { node { slug unreadCount } } } }`;

type Citing = { citingThreads: { totalCount: number; edges: { node: { title: string; space: { slug: string } } }[] } };
type Unread = { spaces: { edges: { node: { slug: string; unreadCount: number } }[] } };

describe('threads citing an article, unread counts, what one may do in a space, member roles', () => {
  let app: TestApp;
  const token = {} as Record<keyof typeof ACCOUNTS, string>;
  let circular: string;
  let privateSpace: string;

  beforeAll(async () => {
    app = await startTestApp();
    for (const role of Object.keys(ACCOUNTS) as (keyof typeof ACCOUNTS)[])
      token[role] = (await app.signIn(ACCOUNTS[role])).accessToken;
    circular = (await app.db.query(`SELECT id FROM documents WHERE reference = 'Circulaire 15/2025'`)).rows[0].id;
    privateSpace = (await app.db.query(`SELECT id FROM spaces WHERE slug = 'federation-fmo'`)).rows[0].id;
    const created = await app.gql(
      `mutation($input: CreateThreadInput!) { createThread(input: $input) { thread { id } } }`,
      {
        input: {
          spaceId: privateSpace,
          title: 'Article 3 entre nous',
          body: 'À discuter en interne.',
          citation: { documentId: circular, versionNumber: 2, sectionKey: 'art-3' },
        },
      },
      token.federationMember,
    );
    expect(created.errors).toBeUndefined();
  });
  afterAll(() => app.close());

  it('lists the threads citing an article to those who read their spaces, and no one else', async () => {
    const member = await app.gql<Citing>(CITING, { documentId: circular, sectionKey: 'art-3' }, token.federationMember);
    expect(member.data!.citingThreads.edges.map(({ node }) => node.title)).toEqual(['Article 3 entre nous']);

    const outsider = await app.gql<Citing>(CITING, { documentId: circular, sectionKey: 'art-3' }, token.companyMember);
    expect(outsider.data!.citingThreads.totalCount).toBe(0);
    // Platform moderators do not read a federation's private space either.
    const moderator = await app.gql<Citing>(CITING, { documentId: circular, sectionKey: 'art-3' }, token.moderator);
    expect(moderator.data!.citingThreads.totalCount).toBe(0);

    // The whole document: the sample's public thread (art-14) is seen by everyone.
    const all = await app.gql<Citing>(CITING, { documentId: circular }, token.companyMember);
    expect(all.data!.citingThreads.edges.map(({ node }) => node.space.slug)).toEqual(['espace-ministere']);
    const anonymous = await app.gql<Citing>(CITING, { documentId: circular });
    expect(anonymous.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
  });

  it('answers BAD_USER_INPUT for a malformed document id', async () => {
    const bad = await app.gql<Citing>(CITING, { documentId: 'nope' }, token.federationMember);
    expect(bad.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
  });

  it('counts per space the threads with activity by others since one last read them', async () => {
    const before = await app.gql<Unread>(UNREAD, {}, token.federationRepresentative);
    const count = (data: Unread | null, slug: string) =>
      data!.spaces.edges.find(({ node }) => node.slug === slug)?.node.unreadCount;
    const fmoBefore = count(before.data, 'federation-fmo')!;
    expect(fmoBefore).toBeGreaterThanOrEqual(1); // the member's new thread
    const threads = await app.gql<{ whatsNew: { edges: { node: { id: string; space: { slug: string } } }[] } }>(
      `query { whatsNew(first: 100) { edges { node { id space { slug } } } } }`,
      {},
      token.federationRepresentative,
    );
    const inFmo = threads.data!.whatsNew.edges.filter(({ node }) => node.space.slug === 'federation-fmo');
    expect(inFmo).toHaveLength(fmoBefore);
    await app.gql(
      `mutation($input: ThreadIdInput!) { markThreadRead(input: $input) { thread { id } } }`,
      { input: { id: inFmo[0]!.node.id } },
      token.federationRepresentative,
    );
    const after = await app.gql<Unread>(UNREAD, {}, token.federationRepresentative);
    expect(count(after.data, 'federation-fmo')).toBe(fmoBefore - 1);
  });

  it('tells each person what they may do in a space, as the policy decides', async () => {
    const CAN = `query($id: ID!) { space(id: $id) { viewerRole viewerCanPost viewerCanModerate viewerCanManageMembers } }`;
    const can = async (who: keyof typeof ACCOUNTS, id: string) =>
      (await app.gql<{ space: Record<string, unknown> }>(CAN, { id }, token[who])).data?.space;
    expect(await can('federationRepresentative', 'federation-fmo')).toEqual({
      viewerRole: 'OWNER',
      viewerCanPost: true,
      viewerCanModerate: true,
      viewerCanManageMembers: true,
    });
    expect(await can('federationMember', 'federation-fmo')).toEqual({
      viewerRole: 'PARTICIPANT',
      viewerCanPost: true,
      viewerCanModerate: false,
      viewerCanManageMembers: false,
    });
    expect(await can('companyMember', 'espace-ministere')).toMatchObject({
      viewerCanPost: true,
      viewerCanModerate: false,
    });
    expect(await can('moderator', 'espace-ministere')).toMatchObject({ viewerCanModerate: true });
  });

  it('lets owners change roles, keeping at least one owner', async () => {
    const MEMBERS = `query { space(id: "federation-fmo") { members { id role user { email } organization { acronym } } } }`;
    type Members = { space: { members: { id: string; role: string; organization: { acronym: string } | null }[] } };
    const CHANGE = `mutation($input: SpaceMemberRoleInput!) { changeSpaceMemberRole(input: $input) { member { id role } } }`;
    const members = (await app.gql<Members>(MEMBERS, {}, token.federationRepresentative)).data!.space.members;
    const owner = members.find((member) => member.role === 'OWNER')!;
    const federation = members.find((member) => member.organization?.acronym === 'FMO')!;

    const refused = await app.gql(
      CHANGE,
      { input: { memberId: federation.id, role: 'MODERATOR' } },
      token.federationMember,
    );
    expect(refused.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    const hidden = await app.gql(CHANGE, { input: { memberId: federation.id, role: 'OWNER' } }, token.companyMember);
    expect(hidden.errors?.[0]?.extensions?.['code']).toBe('NOT_FOUND');
    const last = await app.gql(
      CHANGE,
      { input: { memberId: owner.id, role: 'PARTICIPANT' } },
      token.federationRepresentative,
    );
    expect(last.errors?.[0]?.extensions?.['code']).toBe('CONFLICT');

    const changed = await app.gql<{ changeSpaceMemberRole: { member: { role: string } } }>(
      CHANGE,
      { input: { memberId: federation.id, role: 'MODERATOR' } },
      token.federationRepresentative,
    );
    expect(changed.data!.changeSpaceMemberRole.member.role).toBe('MODERATOR');
    const moderating = await app.gql<{ space: { viewerCanModerate: boolean } }>(
      `query { space(id: "federation-fmo") { viewerCanModerate } }`,
      {},
      token.federationMember,
    );
    expect(moderating.data!.space.viewerCanModerate).toBe(true);
    await app.gql(CHANGE, { input: { memberId: federation.id, role: 'PARTICIPANT' } }, token.federationRepresentative);
  });
});
