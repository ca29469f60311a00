import { joinConsultation, openConsultation } from '../support/consultations';
import { ACCOUNTS, sampleOrganizationIds, signInDemoAccounts } from '../support/demo-accounts';
import { TestApp, outcome, startTestApp } from '../support/test-app';

type Account = keyof typeof ACCOUNTS;

const REPORT = `mutation($input: ReportContentInput!) { reportContent(input: $input) { reported } }`;
const MODERATE = `mutation($input: ModerateContentInput!) { moderateContent(input: $input) { state { hidden } version } }`;
const QUEUE = `{ moderationQueue(first: 100) { totalCount edges { node { contentType contentId excerpt version } } } }`;
const CREATE_SPACE = `mutation($input: CreateSpaceInput!) { createSpace(input: $input) { space { id } } }`;
const ADD_MEMBER = `mutation($input: AddSpaceMemberInput!) { addSpaceMember(input: $input) { member { id } } }`;
const CREATE_THREAD = `mutation($input: CreateThreadInput!) { createThread(input: $input) { thread { id } } }`;
const POST = `mutation($input: PostCommentInput!) { postComment(input: $input) { comment { id } } }`;
const MODERATE_USER = `mutation($input: ModerateUserInput!) { moderateUser(input: $input) { user { status } } }`;
const SUSPEND_USER = `mutation($input: SuspendUserInput!) { suspendUser(input: $input) { user { status } } }`;

interface QueueNode {
  contentType: string;
  contentId: string;
  excerpt: string;
  version: number;
}

/** Findings of the security review on moderation (issue 13), each reproduced over HTTP. */
describe('moderation: who moderates what, and actions that race', () => {
  let app: TestApp;
  let token: Record<Account, string>;
  let org: Record<string, string>;
  let publicSpace: string;
  let privateSpace: string;

  const queueOf = async (who: Account): Promise<QueueNode[]> => {
    const result = await app.gql<{ moderationQueue: { edges: { node: QueueNode }[] } }>(QUEUE, {}, token[who]);
    if (result.errors) return [];
    return result.data!.moderationQueue.edges.map((edge) => edge.node);
  };
  const report = (who: Account, contentType: string, contentId: string, reason = 'ABUSIVE') =>
    app.gql(REPORT, { input: { contentType, contentId, reason } }, token[who]);
  const createThread = async (spaceId: string, who: Account, title = 'Sujet confidentiel') => {
    const created = await app.gql<{ createThread: { thread: { id: string } } }>(
      CREATE_THREAD,
      { input: { spaceId, title, body: 'Délibération interne de la fédération', tags: ['interne'] } },
      token[who],
    );
    if (created.errors) throw new Error(JSON.stringify(created.errors));
    return created.data!.createThread.thread.id;
  };

  beforeAll(async () => {
    app = await startTestApp();
    token = await signInDemoAccounts(app);
    org = await sampleOrganizationIds(app);
    const space = async (slug: string, visibility: string) =>
      (
        await app.gql<{ createSpace: { space: { id: string } } }>(
          CREATE_SPACE,
          { input: { name: slug, slug, ownerOrganizationId: org['FMO'], visibility } },
          token.federationRepresentative,
        )
      ).data!.createSpace.space.id;
    publicSpace = await space('agora-trust', 'PUBLIC');
    privateSpace = await space('conseil-trust', 'PRIVATE');
    // The whole federation takes part in its private space; its representative created (owns) it.
    await app.gql(
      ADD_MEMBER,
      { input: { spaceId: privateSpace, organizationId: org['FMO'], role: 'PARTICIPANT' } },
      token.federationRepresentative,
    );
  });
  afterAll(() => app.close());

  describe('a PRIVATE space is moderated by its own owners and moderators only', () => {
    let threadId: string;
    let replyId: string;

    beforeAll(async () => {
      threadId = await createThread(privateSpace, 'federationMember');
      const reply = await app.gql<{ postComment: { comment: { id: string } } }>(
        POST,
        { input: { subjectType: 'THREAD', subjectId: threadId, body: 'Réponse privée de la fédération' } },
        token.federationMember,
      );
      replyId = reply.data!.postComment.comment.id;
      expect(outcome(await report('federationRepresentative', 'COMMENT', replyId))).toBe('OK');
      expect(outcome(await report('federationRepresentative', 'THREAD', threadId))).toBe('OK');
    });

    it('keeps reported private replies and threads, and their excerpts, out of the platform moderators’ queue', async () => {
      for (const staff of ['moderator', 'admin'] as const) {
        const queue = await queueOf(staff);
        expect(queue.map((node) => node.contentId)).not.toContain(replyId);
        expect(queue.map((node) => node.contentId)).not.toContain(threadId);
        expect(JSON.stringify(queue)).not.toContain('privée');
        expect(JSON.stringify(queue)).not.toContain('Délibération interne');
      }
      const own = await queueOf('federationRepresentative');
      expect(own.find((node) => node.contentId === replyId)?.excerpt).toContain('Réponse privée');
      expect(own.find((node) => node.contentId === threadId)?.excerpt).toContain('Délibération interne');
    });

    it('refuses a platform moderator’s HIDE of a private thread they cannot read with NOT_FOUND', async () => {
      for (const [type, id] of [
        ['THREAD', threadId],
        ['COMMENT', replyId],
      ]) {
        const hide = await app.gql(
          MODERATE,
          { input: { contentType: type, contentId: id, action: 'HIDE', reason: 'Par identifiant', version: 0 } },
          token.moderator,
        );
        expect(outcome(hide)).toBe('NOT_FOUND');
      }
      const [row] = (
        await app.db.query(`SELECT hidden FROM content_moderation WHERE content_type = 'THREAD' AND content_id = $1`, [
          threadId,
        ])
      ).rows;
      expect(row.hidden).toBe(false);
      expect(
        (await app.db.query(`SELECT count(*)::int AS n FROM moderation_actions WHERE content_id = $1`, [threadId]))
          .rows[0].n,
      ).toBe(0);
    });

    it('lets the space’s owner act on it', async () => {
      const own = (await queueOf('federationRepresentative')).find((node) => node.contentId === threadId)!;
      const hide = await app.gql(
        MODERATE,
        {
          input: {
            contentType: 'THREAD',
            contentId: threadId,
            action: 'HIDE',
            reason: 'Hors sujet',
            version: own.version,
          },
        },
        token.federationRepresentative,
      );
      expect(outcome(hide)).toBe('OK');
      // Its moderators see it as written; the platform's still cannot read it at all.
      const read = `query($id: ID!) { thread(id: $id) { title moderation { hidden } } }`;
      expect((await app.gql(read, { id: threadId }, token.federationRepresentative)).data).toEqual({
        thread: { title: 'Sujet confidentiel', moderation: { hidden: true } },
      });
      expect(outcome(await app.gql(read, { id: threadId }, token.moderator))).toBe('NOT_FOUND');
      // Nor does the moderation log show platform moderators the owner's reason for it.
      const log = await app.gql<{ moderationLog: { totalCount: number } }>(
        `query($filter: ModerationLogFilter) { moderationLog(filter: $filter) { totalCount } }`,
        { filter: { contentId: threadId } },
        token.moderator,
      );
      expect(log.data!.moderationLog.totalCount).toBe(0);
      expect(
        (await app.db.query(`SELECT count(*)::int AS n FROM moderation_actions WHERE content_id = $1`, [threadId]))
          .rows[0].n,
      ).toBe(1);
    });
  });

  it('keeps reported internal contribution comments away from platform moderators; the organisation moderates them', async () => {
    const now = app.clock.now().getTime();
    const { id: consultationId } = await openConsultation(app, token.moderator, {
      summary: 'Vos avis.',
      opensAt: new Date(now + 3600_000),
      closesAt: new Date(now + 48 * 3600_000),
      eligibleKinds: ['FEDERATION'],
      questions: [{ kind: 'TEXT', prompt: 'Votre avis', required: true, maxLength: 2000 }],
    });
    const { id: contributionId } = await joinConsultation(
      app,
      token.federationRepresentative,
      consultationId,
      org['FMO'],
    );
    const comment = await app.gql<{ postComment: { comment: { id: string } } }>(
      POST,
      { input: { subjectType: 'CONTRIBUTION', subjectId: contributionId, body: 'Brouillon interne : chiffre secret' } },
      token.federationMember,
    );
    const commentId = comment.data!.postComment.comment.id;
    expect(outcome(await report('federationRepresentative', 'COMMENT', commentId))).toBe('OK');

    for (const staff of ['moderator', 'admin'] as const) {
      const queue = await queueOf(staff);
      expect(queue.map((node) => node.contentId)).not.toContain(commentId);
      expect(JSON.stringify(queue)).not.toContain('chiffre secret');
      const hide = await app.gql(
        MODERATE,
        { input: { contentType: 'COMMENT', contentId: commentId, action: 'HIDE', reason: 'x', version: 1 } },
        token[staff],
      );
      expect(outcome(hide)).toBe('NOT_FOUND');
    }
    const own = (await queueOf('federationRepresentative')).find((node) => node.contentId === commentId);
    expect(own?.excerpt).toContain('chiffre secret');
    expect((await queueOf('companyRepresentative')).map((node) => node.contentId)).not.toContain(commentId);
    const hide = await app.gql(
      MODERATE,
      { input: { contentType: 'COMMENT', contentId: commentId, action: 'HIDE', reason: 'x', version: own!.version } },
      token.federationRepresentative,
    );
    expect(outcome(hide)).toBe('OK');
  });

  it('hides fresh content at the threshold when the reports arrive at the same time, every time', async () => {
    const trials = 10;
    const reporters: Account[] = ['companyMember', 'companyRepresentative', 'otherRepresentative'];
    for (let trial = 0; trial < trials; trial++) {
      const threadId = await createThread(publicSpace, 'federationMember', `Essai ${trial}`);
      const results = await Promise.all(reporters.map((who) => report(who, 'THREAD', threadId)));
      expect(results.map(outcome)).toEqual(['OK', 'OK', 'OK']);
      const [row] = (
        await app.db.query(`SELECT hidden FROM content_moderation WHERE content_type = 'THREAD' AND content_id = $1`, [
          threadId,
        ])
      ).rows;
      expect({ trial, hidden: row.hidden }).toEqual({ trial, hidden: true });
      const autoHides = await app.db.query(
        `SELECT count(*)::int AS n FROM moderation_actions WHERE action = 'AUTO_HIDE' AND content_id = $1`,
        [threadId],
      );
      expect(autoHides.rows[0].n).toBe(1);
    }
  });

  describe('suspending a person', () => {
    let member: string;
    beforeAll(async () => {
      member = (await app.db.query('SELECT id FROM users WHERE email = $1', [ACCOUNTS.companyMember])).rows[0].id;
    });
    const suspend = (who: Account) =>
      app.gql(MODERATE_USER, { input: { userId: member, action: 'SUSPEND', reason: `Par ${who}` } }, token[who]);
    const reinstate = () =>
      app.gql(MODERATE_USER, { input: { userId: member, action: 'REINSTATE', reason: 'Fin' } }, token.moderator);

    it('lets one of two moderators acting at once win; the other gets CONFLICT', async () => {
      for (let trial = 0; trial < 5; trial++) {
        const results = await Promise.all([suspend('moderator'), suspend('admin')]);
        expect(results.map(outcome).sort()).toEqual(['CONFLICT', 'OK']);
        const logged = await app.db.query(
          `SELECT count(*)::int AS n FROM moderation_actions WHERE action = 'SUSPEND' AND target_user_id = $1`,
          [member],
        );
        expect(logged.rows[0].n).toBe(trial + 1);
        expect(outcome(await reinstate())).toBe('OK');
      }
    });

    it('goes through one path: suspendUser is logged like moderateUser, and races with it', async () => {
      const before = (
        await app.db.query(`SELECT count(*)::int AS n FROM moderation_actions WHERE target_user_id = $1`, [member])
      ).rows[0].n;
      const results = await Promise.all([
        app.gql(SUSPEND_USER, { input: { userId: member, reason: 'Par suspendUser' } }, token.admin),
        suspend('moderator'),
      ]);
      expect(results.map(outcome).sort()).toEqual(['CONFLICT', 'OK']);
      const after = await app.db.query(
        `SELECT action, reason FROM moderation_actions WHERE target_user_id = $1 ORDER BY created_at`,
        [member],
      );
      expect(after.rows.length).toBe(before + 1);
      expect(after.rows[after.rows.length - 1].action).toBe('SUSPEND');
      const audited = await app.db.query(
        `SELECT count(*)::int AS n FROM audit_events WHERE kind = 'USER_SUSPENDED' AND subject_id = $1`,
        [member],
      );
      expect(audited.rows[0].n).toBe(6);
      // A second suspension of someone already suspended is refused, not silently overwritten.
      expect(outcome(await suspend('admin'))).toBe('CONFLICT');
      expect(outcome(await reinstate())).toBe('OK');
      expect(outcome(await reinstate())).toBe('CONFLICT');
    });
  });
});
