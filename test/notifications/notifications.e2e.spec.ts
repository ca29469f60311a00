import { enqueueJob } from '@majlis/kernel';
import { DIGEST_SCHEDULE_JOB } from '@majlis/notifications';
import { ACCOUNTS } from '../support/demo-accounts';
import { CREATE_ANNOTATION, SAMPLE_V1, openDocument, plainTextOf, targetFor } from '../support/documents';
import { GraphQLResponse, TestApp, outcome, startTestApp } from '../support/test-app';
import { linkIn, mailsTo, outbox, runJobs } from './support';

type Account = keyof typeof ACCOUNTS;

const INBOX = `query($unreadOnly: Boolean) { unreadNotificationCount
  notifications(first: 50, unreadOnly: $unreadOnly) { totalCount edges { node { id kind subjectType subjectId title excerpt actorName readAt
    target { documentId versionNumber articleKey annotationId commentId threadId spaceSlug consultationId } } } } }`;
const FOLLOW = `mutation($input: FollowInput!) { follow(input: $input) { following } }`;
const LEVEL = `mutation($input: SetSpaceNotificationLevelInput!) { setSpaceNotificationLevel(input: $input) { level } }`;
const POST = `mutation($input: PostCommentInput!) { postComment(input: $input) { comment { id } } }`;
const THREAD = `mutation($input: CreateThreadInput!) { createThread(input: $input) { thread { id } } }`;
const SETTINGS = `mutation($input: UpdateNotificationSettingsInput!) { updateNotificationSettings(input: $input) { settings { emailFrequency } } }`;

interface InboxNode {
  id: string;
  kind: string;
  subjectType: string;
  subjectId: string;
  title: string;
  excerpt: string;
  actorName: string | null;
  readAt: string | null;
  target: Record<string, string | number | null> | null;
}

const NO_TARGET = {
  documentId: null,
  versionNumber: null,
  articleKey: null,
  annotationId: null,
  commentId: null,
  threadId: null,
  spaceSlug: null,
  consultationId: null,
};

/** Notifications: derived from the domain events, under the read policies at creation and at delivery. */
describe('notifications', () => {
  let app: TestApp;
  const token = {} as Record<Account, string>;
  const userId = {} as Record<Account, string>;
  let publicSpace: string;
  let privateSpace: string;
  let documentId: string;
  let text: string;

  async function inbox(account: Account, unreadOnly = false) {
    await runJobs(app);
    const result = await app.gql<{
      unreadNotificationCount: number;
      notifications: { totalCount: number; edges: { node: InboxNode }[] };
    }>(INBOX, { unreadOnly }, token[account]);
    expect(outcome(result)).toBe('OK');
    return {
      unread: result.data!.unreadNotificationCount,
      items: result.data!.notifications.edges.map((edge) => edge.node),
    };
  }

  async function ok<T = Record<string, unknown>>(
    account: Account,
    query: string,
    variables: Record<string, unknown>,
  ): Promise<T> {
    const result = await app.gql<T>(query, variables, token[account]);
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    return result.data!;
  }

  const newThread = async (account: Account, spaceId: string, title: string) =>
    (
      await ok<{ createThread: { thread: { id: string } } }>(account, THREAD, {
        input: { spaceId, title, body: 'Texte' },
      })
    ).createThread.thread.id;

  const newAnnotation = async (account: Account, body: string) =>
    (
      await ok<{ createAnnotation: { annotation: { id: string } } }>(account, CREATE_ANNOTATION, {
        input: {
          documentId,
          versionNumber: 1,
          target: targetFor(text, 'Guichet unique'),
          motivation: 'COMMENTING',
          body,
        },
      })
    ).createAnnotation.annotation.id;

  beforeAll(async () => {
    app = await startTestApp();
    for (const account of Object.keys(ACCOUNTS) as Account[]) {
      token[account] = (await app.signIn(ACCOUNTS[account])).accessToken;
      userId[account] = (await app.db.query(`SELECT id FROM users WHERE email = $1`, [ACCOUNTS[account]])).rows[0].id;
    }
    const fmo = (await app.db.query(`SELECT id FROM organizations WHERE acronym = 'FMO'`)).rows[0].id;
    const space = async (slug: string, visibility: string) =>
      (
        await ok<{ createSpace: { space: { id: string } } }>(
          'federationRepresentative',
          `mutation($input: CreateSpaceInput!) { createSpace(input: $input) { space { id } } }`,
          { input: { name: slug, slug, ownerOrganizationId: fmo, visibility } },
        )
      ).createSpace.space.id;
    publicSpace = await space('agora-notifications', 'PUBLIC');
    privateSpace = await space('prive-notifications', 'PRIVATE');
    await ok(
      'federationRepresentative',
      `mutation($input: AddSpaceMemberInput!) { addSpaceMember(input: $input) { member { role } } }`,
      { input: { spaceId: privateSpace, organizationId: fmo, role: 'PARTICIPANT' } },
    );
    documentId = await openDocument(app, token.moderator, SAMPLE_V1);
    text = await plainTextOf(app, token.companyMember, documentId, 1);
    await runJobs(app);
  });
  afterAll(() => app.close());

  it('tells people of replies and mentions, and followers of what they follow; the inbox counts and marks read', async () => {
    const annotationId = await newAnnotation('companyMember', 'Le guichet unique doit être numérique.');
    await ok('federationMember', POST, {
      input: {
        subjectType: 'ANNOTATION',
        subjectId: annotationId,
        body: 'D’accord **sur le fond**,\nvoir [l’article 3](https://example.ma).',
      },
    });
    // (The sample data's own activity notified people too: each check looks at what is new.)
    const mine = await inbox('companyMember');
    expect(mine.items[0]).toEqual(
      expect.objectContaining({ kind: 'REPLY', subjectType: 'COMMENT', title: 'Texte de test', readAt: null }),
    );
    // The excerpt is the reply's words, as plain text: no Markdown shows in the inbox or the e-mail.
    expect(mine.items[0].excerpt).toBe('D’accord sur le fond, voir l’article 3.');
    expect(mine.unread).toBeGreaterThan(0);
    const newsOf = async (account: Account) => (await inbox(account)).items.length;
    const before = { rep: await newsOf('federationRepresentative'), follower: await newsOf('companyRepresentative') };

    await ok('companyRepresentative', FOLLOW, { input: { subjectType: 'SPACE', subjectId: publicSpace } });
    const threadId = await newThread('federationRepresentative', publicSpace, 'Délais de paiement');
    await ok('companyMember', POST, {
      input: {
        subjectType: 'THREAD',
        subjectId: threadId,
        body: `Qu’en pense @[Khadija Amrani](user:${userId.federationMember}) ?`,
      },
    });
    expect((await inbox('federationMember')).items[0]).toMatchObject({
      kind: 'MENTION',
      actorName: expect.any(String),
    });
    // The thread's author (followed automatically) hears of the reply; the space's follower of both.
    const author = (await inbox('federationRepresentative')).items;
    expect(author.slice(0, author.length - before.rep).map((item) => item.kind)).toEqual(['REPLY']);
    const follower = (await inbox('companyRepresentative')).items;
    expect(follower.slice(0, follower.length - before.follower).map((item) => [item.kind, item.subjectType])).toEqual([
      ['ACTIVITY', 'COMMENT'],
      ['ACTIVITY', 'THREAD'],
    ]);
    // The author of the annotation follows it now: a second reply tells them (a reply) — not its own author.
    await ok('companyRepresentative', POST, {
      input: { subjectType: 'ANNOTATION', subjectId: annotationId, body: 'Oui.' },
    });
    expect((await inbox('companyRepresentative')).items).toHaveLength(before.follower + 2);

    const { unread, items } = await inbox('companyRepresentative');
    const marked = await ok<{ markNotificationsRead: { unreadCount: number; notifications: InboxNode[] } }>(
      'companyRepresentative',
      `mutation($input: MarkNotificationsReadInput!) { markNotificationsRead(input: $input) { unreadCount notifications { id readAt } } }`,
      { input: { ids: [items[0].id] } },
    );
    expect(marked.markNotificationsRead.unreadCount).toBe(unread - 1);
    expect(marked.markNotificationsRead.notifications).toEqual([{ id: items[0].id, readAt: expect.any(String) }]);
    expect((await inbox('companyRepresentative', true)).items).toHaveLength(unread - 1);
    const all = await ok<{ markAllNotificationsRead: { marked: number; unreadCount: number } }>(
      'companyRepresentative',
      `mutation { markAllNotificationsRead { marked unreadCount } }`,
      {},
    );
    expect(all.markAllNotificationsRead).toEqual({ marked: unread - 1, unreadCount: 0 });

    // Someone else's notification cannot be marked: it is as if it did not exist.
    const others = await app.gql<{ markNotificationsRead: { notifications: unknown[] } }>(
      `mutation($input: MarkNotificationsReadInput!) { markNotificationsRead(input: $input) { notifications { id } } }`,
      { input: { ids: [mine.items[0].id] } },
      token.otherRepresentative,
    );
    expect(others.data!.markNotificationsRead.notifications).toEqual([]);
    expect((await inbox('companyMember')).unread).toBeGreaterThan(0);
  });

  it('tells nobody what they may not read, and takes back what they may no longer read', async () => {
    // A private space cannot be followed or watched by outsiders, and its threads reach its members only.
    const watch = await app.gql(
      LEVEL,
      { input: { spaceId: privateSpace, level: 'WATCHING' } },
      token.otherRepresentative,
    );
    expect(outcome(watch)).toBe('NOT_FOUND');
    await ok('federationMember', LEVEL, { input: { spaceId: privateSpace, level: 'WATCHING' } });
    const before = (await inbox('otherRepresentative')).items.length;
    await newThread('federationRepresentative', privateSpace, 'Entre nous');
    expect((await inbox('federationMember')).items[0]).toMatchObject({ kind: 'ACTIVITY', title: 'Entre nous' });
    expect((await inbox('otherRepresentative')).items).toHaveLength(before);

    // Watching a public space hears every thread; a thread hidden by moderation disappears from the inbox and the
    // count, while its author is told of the decision.
    await ok('otherRepresentative', LEVEL, { input: { spaceId: publicSpace, level: 'WATCHING' } });
    const threadId = await newThread('companyMember', publicSpace, 'Titre injurieux');
    const watcher = await inbox('otherRepresentative');
    expect(watcher.items[0]).toMatchObject({ kind: 'ACTIVITY', title: 'Titre injurieux' });
    await ok('moderator', `mutation($input: ModerateContentInput!) { moderateContent(input: $input) { version } }`, {
      input: { contentType: 'THREAD', contentId: threadId, action: 'HIDE', reason: 'Injurieux', version: 0 },
    });
    const after = await inbox('otherRepresentative');
    expect(after.items.map((item) => item.title)).not.toContain('Titre injurieux');
    expect(after.unread).toBe(watcher.unread - 1);
    // Its author still reads it, hidden: the decision links to it.
    expect((await inbox('companyMember')).items[0]).toMatchObject({
      kind: 'MODERATION',
      subjectType: 'THREAD',
      target: { ...NO_TARGET, threadId, spaceSlug: 'agora-notifications' },
    });

    // Muted: no more activity from the space, but a mention still comes through.
    await ok('otherRepresentative', LEVEL, { input: { spaceId: publicSpace, level: 'MUTED' } });
    const muted = (await inbox('otherRepresentative')).items.length;
    const quiet = await newThread('federationRepresentative', publicSpace, 'Sans bruit');
    expect((await inbox('otherRepresentative')).items).toHaveLength(muted);
    await ok('federationRepresentative', POST, {
      input: { subjectType: 'THREAD', subjectId: quiet, body: `@[Hicham Berrada](user:${userId.otherRepresentative})` },
    });
    expect((await inbox('otherRepresentative')).items[0]).toMatchObject({ kind: 'MENTION' });
  });

  it('sends a digest grouped by document and space, newest first, leaving out what was read in the app', async () => {
    const reader: Account = 'admin';
    await ok(reader, FOLLOW, { input: { subjectType: 'DOCUMENT', subjectId: documentId } });
    await ok(reader, FOLLOW, { input: { subjectType: 'SPACE', subjectId: publicSpace } });
    await newAnnotation('federationMember', 'Une remarque sur le guichet.');
    await newThread('federationRepresentative', publicSpace, 'Lu dans l’application');
    await newThread('federationRepresentative', publicSpace, 'Pas encore lu');
    const read = (await inbox(reader)).items.find((item) => item.title === 'Lu dans l’application')!;
    await ok(
      reader,
      `mutation($input: MarkNotificationsReadInput!) { markNotificationsRead(input: $input) { unreadCount } }`,
      {
        input: { ids: [read.id] },
      },
    );

    await enqueueJob(app.db, DIGEST_SCHEDULE_JOB, {});
    await runJobs(app);
    const digests = mailsTo(await outbox(app), ACCOUNTS.admin).filter((mail) => mail.kind === 'DIGEST');
    expect(digests).toHaveLength(1);
    const [digest] = digests;
    expect(digest.subject).toBe('Majlis : 2 nouveautés');
    expect(digest.text).toContain('Pas encore lu');
    expect(digest.text).not.toContain('Lu dans l’application');
    // Each item opens what it is about (the thread), not the inbox.
    const unread = (await inbox(reader)).items.find((item) => item.title === 'Pas encore lu')!;
    expect(linkIn(app, digest, '/threads/').pathname).toBe(`/threads/${unread.target!.threadId}`);
    expect(linkIn(app, digest, '/read/').pathname).toBe(`/read/${documentId}/1`);
    // Groups: the space (its newest item is the newest) before the document.
    expect(digest.text.indexOf('## agora-notifications')).toBeGreaterThan(-1);
    expect(digest.text.indexOf('## agora-notifications')).toBeLessThan(digest.text.indexOf('## Texte de test'));

    // Nothing new: no second digest; everything read meanwhile: none either.
    await newThread('federationRepresentative', publicSpace, 'Lu avant le résumé');
    await runJobs(app);
    await ok(reader, `mutation { markAllNotificationsRead { marked } }`, {});
    app.clock.advance(25 * 3600_000);
    try {
      await enqueueJob(app.db, DIGEST_SCHEDULE_JOB, {});
      await runJobs(app);
    } finally {
      app.clock.advance(-25 * 3600_000);
    }
    expect(mailsTo(await outbox(app), ACCOUNTS.admin).filter((mail) => mail.kind === 'DIGEST')).toHaveLength(1);
  });

  it('e-mails at once those who chose it', async () => {
    await ok('companyRepresentative', SETTINGS, { input: { emailFrequency: 'IMMEDIATE' } });
    await ok('federationRepresentative', POST, {
      input: {
        subjectType: 'THREAD',
        subjectId: await newThread('companyRepresentative', publicSpace, 'Urgent'),
        body: 'Vu.',
      },
    });
    await runJobs(app);
    await runJobs(app); // the fan-out enqueues the e-mail, which runs next
    const [mail] = mailsTo(await outbox(app), ACCOUNTS.companyRepresentative);
    expect(mail).toMatchObject({ kind: 'NOTIFICATION', subject: 'Majlis : Urgent' });
    // The e-mail opens the reply, as the inbox does (the same target, the same path as the web's).
    const [reply] = (await inbox('companyRepresentative')).items;
    const link = linkIn(app, mail, '/threads/');
    expect(link.pathname + link.hash).toBe(`/threads/${reply.target!.threadId}#reply-${reply.target!.commentId}`);
  });

  it('links each notification to what it is about, never to what its reader may no longer see', async () => {
    await ok('otherRepresentative', FOLLOW, { input: { subjectType: 'DOCUMENT', subjectId: documentId } });
    await ok('companyRepresentative', FOLLOW, { input: { subjectType: 'SPACE', subjectId: publicSpace } });
    const annotationId = await newAnnotation('companyMember', 'À relire.');
    const [{ section_key: articleKey }] = (
      await app.db.query(`SELECT section_key FROM annotations WHERE id = $1`, [annotationId])
    ).rows;
    const mention = (account: Account) => `@[${account}](user:${userId[account]})`;
    const replyId = (
      await ok<{ postComment: { comment: { id: string } } }>('federationMember', POST, {
        input: {
          subjectType: 'ANNOTATION',
          subjectId: annotationId,
          body: `Vu, ${mention('otherRepresentative')} ${mention('moderator')}`,
        },
      })
    ).postComment.comment.id;
    const atAnnotation = { ...NO_TARGET, documentId, versionNumber: 1, articleKey, annotationId };
    const follower = (await inbox('otherRepresentative')).items;
    // A reply opens the reader at the annotation's conversation, scrolled to the reply; an annotation, at it.
    expect(follower.find((item) => item.kind === 'MENTION' && item.subjectId === replyId)?.target).toEqual({
      ...atAnnotation,
      commentId: replyId,
    });
    expect(follower.find((item) => item.subjectId === annotationId)?.target).toEqual(atAnnotation);
    expect((await inbox('companyMember')).items[0]).toMatchObject({
      kind: 'REPLY',
      target: { ...atAnnotation, commentId: replyId },
    });
    // A thread opens at itself, a reply in it at the reply.
    const threadId = await newThread('companyMember', publicSpace, 'Où lire');
    const threadReply = (
      await ok<{ postComment: { comment: { id: string } } }>('federationMember', POST, {
        input: { subjectType: 'THREAD', subjectId: threadId, body: 'Ici.' },
      })
    ).postComment.comment.id;
    const atThread = { ...NO_TARGET, threadId, spaceSlug: 'agora-notifications' };
    expect((await inbox('companyMember')).items[0].target).toEqual({ ...atThread, commentId: threadReply });
    expect((await inbox('companyRepresentative')).items.find((item) => item.subjectId === threadId)?.target).toEqual(
      atThread,
    );

    // Hidden by moderation: the annotation's own notification is no longer delivered; a reply under it still is, and
    // still opens the reader there: the annotation keeps its place as a tombstone above its live reply, for everyone
    // (as in the reader and in search), while its text stays hidden from who may not see it.
    await ok('moderator', `mutation($input: ModerateContentInput!) { moderateContent(input: $input) { version } }`, {
      input: { contentType: 'ANNOTATION', contentId: annotationId, action: 'HIDE', reason: 'Hors sujet', version: 0 },
    });
    const hidden = (await inbox('otherRepresentative')).items;
    expect(hidden.find((item) => item.subjectId === annotationId)).toBeUndefined();
    expect(hidden.find((item) => item.subjectId === replyId)).toMatchObject({
      kind: 'MENTION',
      target: { ...atAnnotation, commentId: replyId },
    });
    const tombstone = await ok<{ annotation: { id: string; bodyMarkdown: string | null } }>(
      'otherRepresentative',
      `query($id: ID!) { annotation(id: $id) { id bodyMarkdown } }`,
      { id: annotationId },
    );
    expect(tombstone.annotation).toEqual({ id: annotationId, bodyMarkdown: null });
    expect((await inbox('moderator')).items.find((item) => item.subjectId === replyId)?.target).toEqual({
      ...atAnnotation,
      commentId: replyId,
    });
    expect((await inbox('companyMember')).items.find((item) => item.subjectId === replyId)?.target).toEqual({
      ...atAnnotation,
      commentId: replyId,
    });

    // The targets come with the page: a page of one and a page of every item cost the same statements.
    const statements = (response: GraphQLResponse) => Number(response.headers.get('x-sql-statements'));
    const page = (first: number) =>
      app.gql(
        `query($first: Int) { notifications(first: $first) { edges { node { id target { threadId } } } } }`,
        { first },
        token.companyMember,
      );
    const [one, all] = [await page(1), await page(100)];
    expect(statements(one)).toBeGreaterThan(0);
    expect(statements(all)).toBe(statements(one));
  });
});
