import { ACCOUNTS } from '../support/demo-accounts';
import { CREATE_ANNOTATION, SAMPLE_V1, openDocument, plainTextOf, targetFor } from '../support/documents';
import { LiveSubscriber } from '../support/live-client';
import { LiveSuite, liveSuite } from '../support/live-suite';
import { TestApp } from '../support/test-app';
import { runJobs } from '../notifications/support';

type Account = keyof typeof ACCOUNTS;

const POST = `mutation($input: PostCommentInput!) { postComment(input: $input) { comment { id } } }`;
const CREATE_SPACE = `mutation($input: CreateSpaceInput!) { createSpace(input: $input) { space { id } } }`;
const CREATE_THREAD = `mutation($input: CreateThreadInput!) { createThread(input: $input) { thread { id } } }`;
const UNREAD = `{ unreadNotificationCount }`;

/**
 * The bell's count pushed live: the notifications' fan-out records an INBOX_CHANGED event per recipient (in its own
 * transaction), and `liveEvents(inbox: true)` delivers it to that recipient only, on any instance.
 */
describe('live inbox (the bell) across instances', () => {
  let a: TestApp;
  let b: TestApp;
  let token: Record<Account, string>;
  const userId = {} as Record<Account, string>;
  let documentId: string;
  let text: string;

  let subscribe: LiveSuite['subscribe'];
  let lastSeq: LiveSuite['lastSeq'];
  let ok: LiveSuite['ok'];
  const inboxEvents = (subscriber: LiveSubscriber) => subscriber.events.filter((e) => e.type === 'INBOX_CHANGED');

  liveSuite((suite) => ({ a, b, token, subscribe, lastSeq, ok } = suite));
  beforeAll(async () => {
    for (const account of Object.keys(ACCOUNTS) as Account[])
      userId[account] = (await a.db.query(`SELECT id FROM users WHERE email = $1`, [ACCOUNTS[account]])).rows[0].id;
    documentId = await openDocument(a, token.moderator, SAMPLE_V1);
    text = await plainTextOf(a, token.companyMember, documentId, 1);
    await runJobs(a); // the sample data's own notifications, before anyone subscribes
  });

  it('tells the recipient on another instance that their inbox changed, and nobody else', async () => {
    const annotation = await ok<{ createAnnotation: { annotation: { id: string } } }>(
      a,
      'companyMember',
      CREATE_ANNOTATION,
      {
        input: {
          documentId,
          versionNumber: 1,
          target: targetFor(text, 'Guichet unique'),
          motivation: 'COMMENTING',
          body: 'Le guichet unique doit être numérique.',
        },
      },
    );
    await runJobs(a);
    const from = await lastSeq();
    const recipient = subscribe(b, 'companyMember', { inbox: true, after: from });
    const replier = subscribe(b, 'federationMember', { inbox: true, after: from });
    await Promise.all([recipient, replier].map((s) => s.until((x) => x.connected)));

    // A reply on instance A to the company member's annotation; the fan-out job runs on A.
    await ok(a, 'federationMember', POST, {
      input: { subjectType: 'ANNOTATION', subjectId: annotation.createAnnotation.annotation.id, body: 'D’accord.' },
    });
    await runJobs(a);
    await recipient.until((s) => inboxEvents(s).length > 0);
    expect(recipient.errors).toEqual([]);
    expect(inboxEvents(recipient)).toEqual([
      expect.objectContaining({ subjectType: 'USER', subjectId: userId.companyMember, documentId: null }),
    ]);
    // What the bell then reads, on B.
    const unread = await ok<{ unreadNotificationCount: number }>(b, 'companyMember', UNREAD, {});
    expect(unread.unreadNotificationCount).toBeGreaterThan(0);

    // Then the replier is mentioned: their own event comes after the recipient's (events are handed over in seq
    // order), so by the time they have theirs, they would have had the recipient's too.
    const space = await ok<{ createSpace: { space: { id: string } } }>(a, 'federationRepresentative', CREATE_SPACE, {
      input: {
        name: 'Agora de la cloche',
        slug: 'agora-cloche-live',
        ownerOrganizationId: (await a.db.query(`SELECT id FROM organizations WHERE acronym = 'FMO'`)).rows[0].id,
        visibility: 'PUBLIC',
      },
    });
    const thread = await ok<{ createThread: { thread: { id: string } } }>(
      a,
      'federationRepresentative',
      CREATE_THREAD,
      { input: { spaceId: space.createSpace.space.id, title: 'Une question', body: 'Texte' } },
    );
    await ok(a, 'companyMember', POST, {
      input: {
        subjectType: 'THREAD',
        subjectId: thread.createThread.thread.id,
        body: `Qu’en pense @[Khadija Amrani](user:${userId.federationMember}) ?`,
      },
    });
    await runJobs(a);
    await replier.until((s) => inboxEvents(s).length > 0);
    expect(inboxEvents(replier).map((event) => event.subjectId)).toEqual([userId.federationMember]);
    expect(inboxEvents(recipient).map((event) => event.subjectId)).toEqual([userId.companyMember]);

    // A recipient resuming from before catches up on their own inbox's events only.
    const resumed = subscribe(a, 'companyMember', { inbox: true, after: from });
    await resumed.until((s) => inboxEvents(s).length > 0);
    expect(inboxEvents(resumed).map((event) => event.subjectId)).toEqual([userId.companyMember]);

    // Marking everything read on A tells the person's other sockets (another tab, here on B) to re-read the count;
    // and marking nothing (all read already) records nothing.
    await ok(a, 'companyMember', `mutation { markAllNotificationsRead { marked } }`, {});
    await recipient.until((s) => inboxEvents(s).length === 2);
    expect(inboxEvents(recipient).map((event) => event.subjectId)).toEqual([
      userId.companyMember,
      userId.companyMember,
    ]);
    expect(
      (await ok<{ unreadNotificationCount: number }>(b, 'companyMember', UNREAD, {})).unreadNotificationCount,
    ).toBe(0);
    const inboxRows = async () =>
      (
        await a.db.query(`SELECT count(*)::int AS n FROM events WHERE subject_type = 'USER' AND subject_id = $1`, [
          userId.companyMember,
        ])
      ).rows[0].n;
    const recorded = await inboxRows();
    await ok(a, 'companyMember', `mutation { markAllNotificationsRead { marked } }`, {});
    expect(await inboxRows()).toBe(recorded);
  });

  it('refuses an inbox together with another subject', async () => {
    const both = subscribe(a, 'companyMember', { inbox: true, documentId });
    await both.until((s) => s.errors.length > 0);
    expect(both.errors.flat()).toEqual([
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) }),
    ]);
  });
});
