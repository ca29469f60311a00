import { ACCOUNTS, signInDemoAccounts } from '../support/demo-accounts';
import { SAMPLE_V1, annotatePassage, openDocument, plainTextOf } from '../support/documents';
import { TestApp, outcome, refusal, startTestApp } from '../support/test-app';

type Account = keyof typeof ACCOUNTS;
type ContentType = 'ANNOTATION' | 'THREAD' | 'COMMENT';

const REPORT = `mutation($input: ReportContentInput!) { reportContent(input: $input) { reported } }`;
const MODERATE = `mutation($input: ModerateContentInput!) { moderateContent(input: $input) { state { hidden reason } version } }`;
const QUEUE = `query($filter: ModerationQueueFilter) { moderationQueue(filter: $filter) { totalCount edges { node {
  contentType contentId hidden version openReports reasons { reason count } explanations excerpt author { id } } } } }`;
const READ: Record<ContentType, string> = {
  ANNOTATION: `query($id: ID!) { annotation(id: $id) { bodyMarkdown author { displayName } moderation { hidden reason } } }`,
  THREAD: `query($id: ID!) { thread(id: $id) { bodyMarkdown author { displayName } moderation { hidden reason } } }`,
  COMMENT: `query($id: ID!) { thread(id: $id) { replyCount replies { edges { node { id bodyMarkdown moderation { hidden reason } } } } } }`,
};

describe('moderation: reports, auto-hide, the queue and actions, for every content type', () => {
  let app: TestApp;
  let token: Record<Account, string>;
  let documentId: string;
  let text: string;
  let spaceId: string;

  /** A fresh piece of content of each type, written by the federation member. */
  async function content(type: ContentType): Promise<{ id: string; threadId?: string }> {
    if (type === 'ANNOTATION') {
      const created = await annotatePassage(app, token.federationMember, { documentId, text }, 'Guichet unique', {
        body: 'Texte litigieux',
      });
      return { id: created.id };
    }
    const thread = (
      await app.gql<{ createThread: { thread: { id: string } } }>(
        `mutation($input: CreateThreadInput!) { createThread(input: $input) { thread { id } } }`,
        { input: { spaceId, title: 'Sujet', body: 'Texte litigieux' } },
        token.federationMember,
      )
    ).data!.createThread.thread;
    if (type === 'THREAD') return { id: thread.id };
    const comment = (
      await app.gql<{ postComment: { comment: { id: string } } }>(
        `mutation($input: PostCommentInput!) { postComment(input: $input) { comment { id } } }`,
        { input: { subjectType: 'THREAD', subjectId: thread.id, body: 'Texte litigieux' } },
        token.federationMember,
      )
    ).data!.postComment.comment;
    return { id: comment.id, threadId: thread.id };
  }

  /** What a person sees of the content: its text, null when redacted, 'NOT_FOUND' when gone. */
  async function seenBy(who: Account, type: ContentType, item: { id: string; threadId?: string }) {
    const result = await app.gql<
      Record<
        string,
        {
          bodyMarkdown?: string | null;
          replyCount?: number;
          replies?: { edges: { node: { id: string; bodyMarkdown: string | null } }[] };
        }
      >
    >(READ[type], { id: item.threadId ?? item.id }, token[who]);
    if (outcome(result) !== 'OK') return outcome(result);
    if (type !== 'COMMENT') return result.data![type === 'ANNOTATION' ? 'annotation' : 'thread'].bodyMarkdown;
    const reply = result.data!['thread'].replies!.edges.find((edge) => edge.node.id === item.id);
    return reply ? reply.node.bodyMarkdown : 'NOT_FOUND';
  }

  beforeAll(async () => {
    app = await startTestApp();
    token = await signInDemoAccounts(app);
    documentId = await openDocument(app, token.moderator, SAMPLE_V1);
    text = await plainTextOf(app, token.federationMember, documentId, 1);
    const fmo = (await app.db.query(`SELECT id FROM organizations WHERE acronym = 'FMO'`)).rows[0].id;
    spaceId = (
      await app.gql<{ createSpace: { space: { id: string } } }>(
        `mutation($input: CreateSpaceInput!) { createSpace(input: $input) { space { id } } }`,
        { input: { name: 'Agora', slug: 'agora-moderation', ownerOrganizationId: fmo, visibility: 'PUBLIC' } },
        token.federationRepresentative,
      )
    ).data!.createSpace.space.id;
  });
  afterAll(() => app.close());

  describe.each<ContentType>(['ANNOTATION', 'THREAD', 'COMMENT'])('%s', (type) => {
    it('is hidden at the third report, then hidden, restored or kept by a moderator', async () => {
      const item = await content(type);
      const report = (who: Account, reason = 'ABUSIVE') =>
        app.gql(
          REPORT,
          { input: { contentType: type, contentId: item.id, reason, explanation: `Signalé par ${who}` } },
          token[who],
        );
      expect(outcome(await report('companyMember'))).toBe('OK');
      expect(refusal(await report('companyMember', 'SPAM'))).toBe('CONFLICT/ALREADY_REPORTED');
      expect(outcome(await report('federationMember'))).toBe('FORBIDDEN'); // its own author
      expect(outcome(await report('companyRepresentative', 'SPAM'))).toBe('OK');
      expect(await seenBy('otherRepresentative', type, item)).toBe('Texte litigieux');
      expect(outcome(await report('otherRepresentative'))).toBe('OK');

      // Hidden pending review: gone for others, visible to its author (who learns why) and to moderators.
      expect(await seenBy('companyRepresentative', type, item)).toBe('NOT_FOUND');
      expect(await seenBy('federationMember', type, item)).toBe('Texte litigieux');
      expect(await seenBy('moderator', type, item)).toBe('Texte litigieux');
      const own = await app.gql<Record<string, { moderation: unknown }>>(
        type === 'COMMENT'
          ? `query($id: ID!) { thread(id: $id) { replies { edges { node { moderation { hidden reason } } } } } }`
          : READ[type],
        { id: item.threadId ?? item.id },
        token.federationMember,
      );
      expect(JSON.stringify(own.data)).toContain('"moderation":{"hidden":true,"reason":"Hidden pending review"}');

      // The queue groups the reports; the reporters stay unnamed.
      expect(outcome(await app.gql(QUEUE, {}, token.companyMember))).toBe('FORBIDDEN');
      const queue = await app.gql<{
        moderationQueue: {
          edges: {
            node: {
              contentId: string;
              hidden: boolean;
              version: number;
              openReports: number;
              reasons: unknown;
              explanations: string[];
              excerpt: string;
              author: { id: string } | null;
            };
          }[];
        };
      }>(QUEUE, {}, token.moderator);
      const entry = queue
        .data!.moderationQueue.edges.map((edge) => edge.node)
        .find((node) => node.contentId === item.id)!;
      expect(entry).toEqual(
        expect.objectContaining({
          hidden: true,
          openReports: 3,
          reasons: [
            { reason: 'ABUSIVE', count: 2 },
            { reason: 'SPAM', count: 1 },
          ],
        }),
      );
      expect(entry.excerpt).toContain('Texte litigieux');
      // Its author is named, so that the moderator can suspend them from the queue.
      const me = await app.gql<{ me: { id: string } }>(`{ me { id } }`, {}, token.federationMember);
      expect(entry.author).toEqual({ id: me.data!.me.id });
      expect(JSON.stringify(queue.data)).not.toMatch(/reporter|@atlas|@adi/);

      // Only moderators act; two acting on the same version: one wins.
      const act = (who: Account, action: string, version: number) =>
        app.gql(
          MODERATE,
          {
            input: {
              contentType: type,
              contentId: item.id,
              action,
              reason: 'Revu',
              internalNote: 'note interne',
              version,
            },
          },
          token[who],
        );
      expect(outcome(await act('companyMember', 'RESTORE', entry.version))).toBe('FORBIDDEN');
      const race = await Promise.all([act('moderator', 'RESTORE', entry.version), act('admin', 'HIDE', entry.version)]);
      expect(race.map(outcome).sort()).toEqual(['CONFLICT', 'OK']);
      const winner = race.find((result) => outcome(result) === 'OK') as unknown as {
        data: { moderateContent: { state: { hidden: boolean }; version: number } };
      };
      expect(await seenBy('companyRepresentative', type, item)).toBe(
        winner.data.moderateContent.state.hidden ? 'NOT_FOUND' : 'Texte litigieux',
      );

      const hidden = await act('moderator', 'HIDE', winner.data.moderateContent.version);
      expect(outcome(hidden)).toBe('OK');
      expect(await seenBy('companyRepresentative', type, item)).toBe('NOT_FOUND');
      const kept = await act(
        'moderator',
        'KEEP',
        (hidden.data as { moderateContent: { version: number } }).moderateContent.version,
      );
      expect((kept.data as { moderateContent: unknown }).moderateContent).toEqual({
        state: { hidden: false, reason: null },
        version: expect.any(Number),
      });
      expect(await seenBy('companyRepresentative', type, item)).toBe('Texte litigieux');
      const after = await app.gql<{ moderationQueue: { edges: { node: { contentId: string } }[] } }>(
        QUEUE,
        {},
        token.moderator,
      );
      expect(after.data!.moderationQueue.edges.map((edge) => edge.node.contentId)).not.toContain(item.id);
    });
  });

  it('hides confidential information at the first report from the organisation concerned', async () => {
    const item = await content('ANNOTATION');
    const fromOutsider = await app.gql(
      REPORT,
      { input: { contentType: 'ANNOTATION', contentId: item.id, reason: 'CONFIDENTIAL_INFORMATION' } },
      token.companyMember,
    );
    expect(outcome(fromOutsider)).toBe('OK');
    expect(await seenBy('otherRepresentative', 'ANNOTATION', item)).toBe('Texte litigieux');
    // The author belongs to FMO: its representative's report hides it at once.
    expect(
      outcome(
        await app.gql(
          REPORT,
          { input: { contentType: 'ANNOTATION', contentId: item.id, reason: 'CONFIDENTIAL_INFORMATION' } },
          token.federationRepresentative,
        ),
      ),
    ).toBe('OK');
    expect(await seenBy('otherRepresentative', 'ANNOTATION', item)).toBe('NOT_FOUND');
  });

  it('keeps replies readable in their place under hidden content, and leaves hidden content out of counts and exports', async () => {
    const item = await content('COMMENT');
    const reply = await app.gql<{ postComment: { comment: { id: string } } }>(
      `mutation($input: PostCommentInput!) { postComment(input: $input) { comment { id } } }`,
      {
        input: {
          subjectType: 'THREAD',
          subjectId: item.threadId,
          parentId: item.id,
          body: 'Réponse sous le commentaire',
        },
      },
      token.companyMember,
    );
    await app.gql(
      MODERATE,
      { input: { contentType: 'COMMENT', contentId: item.id, action: 'HIDE', reason: 'Injurieux', version: 0 } },
      token.moderator,
    );
    const read = await app.gql<{
      thread: { replyCount: number; replies: { edges: { node: { id: string; bodyMarkdown: string | null } }[] } };
    }>(READ.COMMENT, { id: item.threadId }, token.otherRepresentative);
    expect(read.data!.thread.replies.edges.map((edge) => edge.node)).toEqual([
      { id: item.id, bodyMarkdown: null, moderation: null },
      { id: reply.data!.postComment.comment.id, bodyMarkdown: 'Réponse sous le commentaire', moderation: null },
    ]);
    expect(read.data!.thread.replyCount).toBe(1);

    const annotation = await content('ANNOTATION');
    await app.gql(
      MODERATE,
      {
        input: {
          contentType: 'ANNOTATION',
          contentId: annotation.id,
          action: 'HIDE',
          reason: 'Hors sujet',
          version: 0,
        },
      },
      token.moderator,
    );
    const exported = (await (
      await fetch(`${app.baseUrl}/documents/${documentId}/annotations`, {
        headers: { authorization: `Bearer ${token.moderator}` },
      })
    ).json()) as { first: { items: { id: string }[] } };
    expect(exported.first.items.map((entry) => entry.id.split('/').pop())).not.toContain(annotation.id);
  });

  it('locks from the thread’s page through the queue’s own action: same rule, log entry and event', async () => {
    const thread = await content('THREAD');
    const log = async () =>
      (
        await app.db.query(
          `SELECT action, reason FROM moderation_actions WHERE content_id = $1 ORDER BY created_at, action`,
          [thread.id],
        )
      ).rows;
    const changes = async () =>
      (
        await app.db.query(`SELECT count(*)::int AS n FROM events WHERE subject_id = $1 AND type = 'THREAD_CHANGED'`, [
          thread.id,
        ])
      ).rows[0].n;
    const fromPage = (value: boolean, who: string) =>
      app.gql(
        `mutation($input: SetThreadLockedInput!) { setThreadLocked(input: $input) { thread { locked } } }`,
        { input: { id: thread.id, value, reason: value ? 'Échanges devenus personnels' : 'Débat rouvert' } },
        who,
      );
    const fromQueue = async (action: 'LOCK' | 'UNLOCK', who: string) => {
      const { rows } = await app.db.query(
        `SELECT COALESCE((SELECT version FROM content_moderation WHERE content_type = 'THREAD' AND content_id = $1), 0) AS version`,
        [thread.id],
      );
      return app.gql(
        MODERATE,
        {
          input: {
            contentType: 'THREAD',
            contentId: thread.id,
            action,
            reason: 'Débat clos',
            version: rows[0].version,
          },
        },
        who,
      );
    };

    const blank = await app.gql(
      `mutation($input: SetThreadLockedInput!) { setThreadLocked(input: $input) { thread { locked } } }`,
      { input: { id: thread.id, value: true, reason: '   ' } },
      token.moderator,
    );
    expect(outcome(blank)).toBe('BAD_USER_INPUT');
    expect(await log()).toEqual([]);
    const locked = await fromPage(true, token.moderator);
    expect(locked.data).toEqual({ setThreadLocked: { thread: { locked: true } } });
    expect(await log()).toEqual([{ action: 'LOCK', reason: 'Échanges devenus personnels' }]);
    expect(await changes()).toBe(1);
    expect(outcome(await fromQueue('UNLOCK', token.moderator))).toBe('OK');
    expect((await app.db.query('SELECT locked FROM threads WHERE id = $1', [thread.id])).rows[0].locked).toBe(false);
    expect((await log()).map((row: { action: string }) => row.action).sort()).toEqual(['LOCK', 'UNLOCK']);
    expect(await changes()).toBe(2);

    // Its author is no moderator: refused alike, either way, and nothing is logged.
    expect(refusal(await fromPage(true, token.federationMember))).toBe('FORBIDDEN/MODERATORS_ONLY');
    expect(refusal(await fromQueue('LOCK', token.federationMember))).toBe('FORBIDDEN/MODERATORS_ONLY');
    expect(await log()).toHaveLength(2);
    expect(await changes()).toBe(2);
  });

  it('locks threads and suspends people through the same log, which the database keeps append-only', async () => {
    const thread = await content('THREAD');
    expect(
      outcome(
        await app.gql(
          MODERATE,
          { input: { contentType: 'THREAD', contentId: thread.id, action: 'LOCK', reason: 'Débat clos', version: 0 } },
          token.moderator,
        ),
      ),
    ).toBe('OK');
    expect(
      outcome(
        await app.gql(
          `mutation($input: PostCommentInput!) { postComment(input: $input) { comment { id } } }`,
          { input: { subjectType: 'THREAD', subjectId: thread.id, body: 'Encore' } },
          token.companyMember,
        ),
      ),
    ).toBe('FORBIDDEN');
    expect(
      outcome(
        await app.gql(
          MODERATE,
          {
            input: {
              contentType: 'ANNOTATION',
              contentId: (await content('ANNOTATION')).id,
              action: 'LOCK',
              reason: 'x',
              version: 0,
            },
          },
          token.moderator,
        ),
      ),
    ).toBe('BAD_USER_INPUT');

    const member = (await app.db.query('SELECT id FROM users WHERE email = $1', [ACCOUNTS.companyMember])).rows[0].id;
    const suspend = `mutation($input: ModerateUserInput!) { moderateUser(input: $input) { user { status } } }`;
    expect(
      outcome(
        await app.gql(
          suspend,
          { input: { userId: member, action: 'SUSPEND', reason: 'Récidive' } },
          token.companyRepresentative,
        ),
      ),
    ).toBe('FORBIDDEN');
    expect(
      (await app.gql(suspend, { input: { userId: member, action: 'SUSPEND', reason: 'Récidive' } }, token.moderator))
        .data,
    ).toEqual({ moderateUser: { user: { status: 'SUSPENDED' } } });
    expect(outcome(await app.gql(`{ me { id } }`, {}, token.companyMember))).toBe('UNAUTHENTICATED');
    expect(outcome(await app.gql(`{ documents { totalCount } }`, {}, token.companyMember))).toBe('UNAUTHENTICATED');
    await app.gql(suspend, { input: { userId: member, action: 'REINSTATE', reason: 'Fin' } }, token.moderator);

    const log = await app.gql<{
      moderationLog: {
        edges: {
          node: {
            action: string;
            reason: string;
            moderator: { displayName: string } | null;
            internalNote: string | null;
          };
        }[];
      };
    }>(
      `{ moderationLog(first: 50) { edges { node { action reason internalNote moderator { displayName } targetUser { displayName } } } } }`,
      {},
      token.moderator,
    );
    const actions = log.data!.moderationLog.edges.map((edge) => edge.node.action);
    expect(actions.slice(0, 3)).toEqual(['REINSTATE', 'SUSPEND', 'LOCK']);
    expect(actions).toContain('AUTO_HIDE');
    const filtered = await app.gql<{ moderationLog: { edges: { node: { action: string } }[] } }>(
      `query($filter: ModerationLogFilter) { moderationLog(filter: $filter) { edges { node { action } } } }`,
      { filter: { targetUserId: member } },
      token.moderator,
    );
    expect(filtered.data!.moderationLog.edges.map((edge) => edge.node.action)).toEqual(['REINSTATE', 'SUSPEND']);
    expect(
      outcome(
        await app.gql(
          `query { moderationLog(filter: { action: "DELETE_EVERYTHING" }) { totalCount } }`,
          {},
          token.moderator,
        ),
      ),
    ).toBe('BAD_USER_INPUT');
    expect(outcome(await app.gql(`{ moderationLog { totalCount } }`, {}, token.federationRepresentative))).toBe(
      'FORBIDDEN',
    );
    await expect(app.db.query(`UPDATE moderation_actions SET reason = 'réécrit'`)).rejects.toThrow(/append-only/);
    await expect(app.db.query(`DELETE FROM moderation_actions`)).rejects.toThrow(/append-only/);
  });

  it('lets space moderators see and act on reports in their own space only', async () => {
    const [thread, annotation] = [await content('THREAD'), await content('ANNOTATION')];
    for (const item of [
      { type: 'THREAD', id: thread.id },
      { type: 'ANNOTATION', id: annotation.id },
    ]) {
      expect(
        outcome(
          await app.gql(
            REPORT,
            { input: { contentType: item.type, contentId: item.id, reason: 'OFF_TOPIC' } },
            token.otherRepresentative,
          ),
        ),
      ).toBe('OK');
    }
    const queue = await app.gql<{
      moderationQueue: { edges: { node: { contentType: string; contentId: string; version: number } }[] };
    }>(QUEUE, {}, token.federationRepresentative);
    const seen = queue.data!.moderationQueue.edges.map((edge) => edge.node);
    expect(seen.map((node) => node.contentId)).toContain(thread.id);
    expect(seen.every((node) => node.contentType !== 'ANNOTATION')).toBe(true);
    const own = seen.find((node) => node.contentId === thread.id)!;
    expect(
      outcome(
        await app.gql(
          MODERATE,
          {
            input: {
              contentType: 'THREAD',
              contentId: thread.id,
              action: 'KEEP',
              reason: 'Dans le sujet',
              version: own.version,
            },
          },
          token.federationRepresentative,
        ),
      ),
    ).toBe('OK');
    expect(
      outcome(
        await app.gql(
          MODERATE,
          { input: { contentType: 'ANNOTATION', contentId: annotation.id, action: 'KEEP', reason: 'x', version: 1 } },
          token.federationRepresentative,
        ),
      ),
    ).toBe('FORBIDDEN');
  });
});
