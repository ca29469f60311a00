import { JobRunner } from '@majlis/notifications';
import { ACCOUNTS } from '../support/demo-accounts';
import { GraphQLResponse, TestApp, outcome, startTestApp } from '../support/test-app';

type Account = keyof typeof ACCOUNTS;
const HOUR = 3600_000;

const POST = `mutation($input: PostCommentInput!) { postComment(input: $input) { comment { id depth version } } }`;
const READ = `query($c: ID!, $o: ID!) { contribution(consultationId: $c, organizationId: $o) {
  comments(first: 100) { totalCount edges { node { id depth parentId isDeleted bodyHtml version endorsementCount author { displayName } } } } } }`;
const INBOX = `query { notifications(first: 20) { edges { node { kind subjectType title excerpt } } } }`;

interface Reply {
  id: string;
  depth: number;
  parentId: string | null;
  isDeleted: boolean;
  bodyHtml: string | null;
  version: number;
  endorsementCount: number;
}

/**
 * A contribution's internal discussion is the same reply model as a thread's: nested three deep, edited against its
 * version, deleted as a tombstone, endorsed, reported (its organisation's representatives moderate), mentions of its
 * organisation's people only; replies and mentions are notified to them, and to nobody outside.
 */
describe('consultations: a contribution’s internal discussion, threaded', () => {
  let app: TestApp;
  const token = {} as Record<Account, string>;
  const user = {} as Record<Account, string>;
  let consultationId = '';
  let contributionId = '';
  let fmo = '';

  const gql = <T = Record<string, unknown>>(query: string, variables: Record<string, unknown>, as?: Account) =>
    app.gql<T>(query, variables, as ? token[as] : undefined);
  const ok = <T>(response: GraphQLResponse<T>): T => {
    if (response.errors) throw new Error(JSON.stringify(response.errors));
    return response.data!;
  };
  const post = (as: Account, body: string, parentId: string | null = null) =>
    gql<{ postComment: { comment: { id: string; depth: number; version: number } } }>(
      POST,
      { input: { subjectType: 'CONTRIBUTION', subjectId: contributionId, body, parentId } },
      as,
    );
  const replies = async (as: Account = 'federationMember') =>
    ok(
      await gql<{ contribution: { comments: { edges: { node: Reply }[] } } }>(READ, { c: consultationId, o: fmo }, as),
    ).contribution.comments.edges.map(({ node }) => node);

  beforeAll(async () => {
    app = await startTestApp();
    for (const account of Object.keys(ACCOUNTS) as Account[]) {
      token[account] = (await app.signIn(ACCOUNTS[account])).accessToken;
      user[account] = (await app.db.query(`SELECT id FROM users WHERE email = $1`, [ACCOUNTS[account]])).rows[0].id;
    }
    fmo = (await app.db.query(`SELECT id FROM organizations WHERE acronym = 'FMO'`)).rows[0].id;
    const now = app.clock.now().getTime();
    consultationId = ok(
      await gql<{ createConsultation: { consultation: { id: string } } }>(
        `mutation($input: CreateConsultationInput!) { createConsultation(input: $input) { consultation { id } } }`,
        {
          input: {
            title: 'Consultation sur le plafond (exemple)',
            opensAt: new Date(now + HOUR),
            closesAt: new Date(now + 48 * HOUR),
            eligibleKinds: ['FEDERATION'],
            questions: [{ kind: 'TEXT', prompt: 'Votre avis' }],
          },
        },
        'moderator',
      ),
    ).createConsultation.consultation.id;
    for (const mutation of ['publishConsultation', 'openConsultationNow'])
      ok(
        await gql(
          `mutation($input: ConsultationIdInput!) { ${mutation}(input: $input) { consultation { id } } }`,
          { input: { id: consultationId } },
          'moderator',
        ),
      );
    contributionId = ok(
      await gql<{ joinConsultation: { contribution: { id: string } } }>(
        `mutation($input: JoinConsultationInput!) { joinConsultation(input: $input) { contribution { id } } }`,
        { input: { consultationId, organizationId: fmo } },
        'federationRepresentative',
      ),
    ).joinConsultation.contribution.id;
  });
  afterAll(() => app.close());

  it('nests replies three deep, refuses a fourth level, and proposes only the organisation’s people to mention', async () => {
    const mentionable = ok(
      await gql<{ mentionable: { id: string }[] }>(
        `query($k: ID) { mentionable(contributionId: $k, first: 50) { id } }`,
        { k: contributionId },
        'federationRepresentative',
      ),
    ).mentionable.map((person) => person.id);
    expect(mentionable).toContain(user.federationMember);
    expect(mentionable).not.toContain(user.companyRepresentative);
    expect(mentionable).not.toContain(user.moderator);

    const root = ok(await post('federationMember', 'Faut-il citer les coûts de formation ?')).postComment.comment;
    const second = ok(
      await post(
        'federationRepresentative',
        `Oui, @[Membre](user:${user.federationMember}) peux-tu les chiffrer ? Et @[Atlas](user:${user.companyRepresentative}).`,
        root.id,
      ),
    ).postComment.comment;
    const third = ok(await post('federationMember', 'Je m’en charge.', second.id)).postComment.comment;
    expect([root.depth, second.depth, third.depth]).toEqual([1, 2, 3]);
    const fourth = await post('federationRepresentative', 'Merci.', third.id);
    expect(outcome(fourth)).toBe('BAD_USER_INPUT');
    expect(fourth.errors![0].extensions).toEqual(
      expect.objectContaining({ fields: { parentId: expect.stringContaining('3 levels') } }),
    );
    const tree = await replies();
    expect(tree.map((reply) => [reply.depth, reply.parentId])).toEqual([
      [1, null],
      [2, root.id],
      [3, second.id],
    ]);
  });

  it('edits against the version (CONFLICT when stale), endorses, and keeps a deleted reply with answers as a tombstone', async () => {
    const [root, second] = await replies();
    const edit = (version: number, body: string) =>
      gql(
        `mutation($input: EditCommentInput!) { editComment(input: $input) { comment { version bodyHtml } } }`,
        { input: { id: root.id, version, body } },
        'federationMember',
      );
    expect(outcome(await edit(root.version, 'Faut-il citer les coûts de formation ESO ?'))).toBe('OK');
    expect(outcome(await edit(root.version, 'Une version plus ancienne'))).toBe('CONFLICT');

    const endorse = (as: Account) =>
      gql<{ endorse: { endorsementCount: number } }>(
        `mutation($input: EndorseInput!) { endorse(input: $input) { endorsementCount viewerHasEndorsed } }`,
        { input: { subjectType: 'COMMENT', id: second.id } },
        as,
      );
    expect(ok(await endorse('federationMember')).endorse.endorsementCount).toBe(1);
    // Outsiders, staff included, do not learn that the reply exists.
    for (const account of ['companyRepresentative', 'moderator'] as const)
      expect(outcome(await endorse(account))).toBe('NOT_FOUND');

    ok(
      await gql(
        `mutation($input: CommentIdInput!) { deleteComment(input: $input) { comment { isDeleted } } }`,
        { input: { id: root.id } },
        'federationMember',
      ),
    );
    const [tombstone, ...rest] = await replies('federationRepresentative');
    expect(tombstone).toEqual(expect.objectContaining({ id: root.id, isDeleted: true, bodyHtml: null }));
    expect(rest).toHaveLength(2);
    expect(rest[0].endorsementCount).toBe(1);
  });

  it('lets the organisation’s people report a reply, and nobody outside', async () => {
    const [, second] = await replies();
    const report = (as: Account) =>
      gql(
        `mutation($input: ReportContentInput!) { reportContent(input: $input) { reported } }`,
        { input: { contentType: 'COMMENT', contentId: second.id, reason: 'OFF_TOPIC' } },
        as,
      );
    expect(outcome(await report('companyMember'))).toBe('NOT_FOUND');
    expect(outcome(await report('federationMember'))).toBe('OK');
  });

  it('notifies replies and mentions to the organisation’s people only, under the consultation’s title', async () => {
    await app.nest.get(JobRunner).runDueJobs();
    const inbox = async (as: Account) =>
      ok(
        await gql<{ notifications: { edges: { node: { kind: string; subjectType: string; title: string } }[] } }>(
          INBOX,
          {},
          as,
        ),
      )
        .notifications.edges.map(({ node }) => node)
        // The sample data's own conversations notify too: only this consultation's are looked at.
        .filter((node) => node.title === 'Consultation sur le plafond (exemple)');
    // Mentioned in the representative's reply (a mention outranks the reply to their own comment).
    expect(await inbox('federationMember')).toEqual([
      expect.objectContaining({
        kind: 'MENTION',
        subjectType: 'COMMENT',
        title: 'Consultation sur le plafond (exemple)',
      }),
    ]);
    // The member answered the representative's reply.
    expect(await inbox('federationRepresentative')).toEqual([
      expect.objectContaining({
        kind: 'REPLY',
        subjectType: 'COMMENT',
        title: 'Consultation sur le plafond (exemple)',
      }),
    ]);
    // Atlas's representative was "mentioned" but cannot read the discussion: neither mentioned nor told.
    expect(await inbox('companyRepresentative')).toEqual([]);
  });

  it('tells nobody who has left the organisation, even of a reply to their own message', async () => {
    const theirs = ok(await post('federationMember', 'Je pars bientôt de la fédération.')).postComment.comment;
    await app.nest.get(JobRunner).runDueJobs();
    const count = async () =>
      (await app.db.query(`SELECT count(*)::int AS n FROM notifications WHERE user_id = $1`, [user.federationMember]))
        .rows[0].n as number;
    const before = await count();
    await app.db.query(`DELETE FROM memberships WHERE user_id = $1 AND organization_id = $2`, [
      user.federationMember,
      fmo,
    ]);
    try {
      // A reply to their message would tell them (REPLY): they are no longer among its readers, so it is not delivered.
      ok(await post('federationRepresentative', 'Merci pour tout.', theirs.id));
      await app.nest.get(JobRunner).runDueJobs();
      expect(await count()).toBe(before);
    } finally {
      await app.db.query(`INSERT INTO memberships (user_id, organization_id, role) VALUES ($1, $2, 'MEMBER')`, [
        user.federationMember,
        fmo,
      ]);
    }
    // Back in the organisation, the next reply to them reaches them.
    ok(await post('federationRepresentative', 'Bon retour.', theirs.id));
    await app.nest.get(JobRunner).runDueJobs();
    expect(await count()).toBe(before + 1);
  });
});
