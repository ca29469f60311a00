import { EventBus } from '@majlis/api';
import { ACCOUNTS } from '../support/demo-accounts';
import { SAMPLE_V1, annotatePassage, openDocument, plainTextOf } from '../support/documents';
import { LiveSubscriber } from '../support/live-client';
import { LiveSuite, liveSuite } from '../support/live-suite';
import { TestApp, outcome } from '../support/test-app';

type Account = keyof typeof ACCOUNTS;

const POST = `mutation($input: PostCommentInput!) { postComment(input: $input) { comment { id } } }`;
const UPDATE = `mutation($input: UpdateAnnotationInput!) { updateAnnotation(input: $input) { annotation { version } } }`;
const HIDE = `mutation($input: ModerateContentInput!) { moderateContent(input: $input) { version } }`;
const CREATE_THREAD = `mutation($input: CreateThreadInput!) { createThread(input: $input) { thread { id } } }`;
const CREATE_SPACE = `mutation($input: CreateSpaceInput!) { createSpace(input: $input) { space { id } } }`;

/**
 * Live updates across two API instances on one database: events go through PostgreSQL (NOTIFY in the writing
 * transaction, LISTEN on each instance), reach only those who may read their subject, and survive a lost LISTEN
 * connection.
 */
describe('live updates across instances', () => {
  let a: TestApp;
  let b: TestApp;
  let token: Record<Account, string>;
  let documentId: string;
  let text: string;
  let sectionKey: string;

  let subscribe: LiveSuite['subscribe'];
  let subscribeWithToken: LiveSuite['subscribeWithToken'];
  let lastSeq: LiveSuite['lastSeq'];
  const annotate = (app: TestApp, account: Account, passage: string, extra: Record<string, unknown> = {}) =>
    annotatePassage(app, token[account], { documentId, text }, passage, extra);

  liveSuite((suite) => ({ a, b, token, subscribe, subscribeWithToken, lastSeq } = suite), {
    env: { LIVE_SESSION_CHECK_SECONDS: '1' },
  });
  beforeAll(async () => {
    documentId = await openDocument(a, token.moderator, SAMPLE_V1);
    text = await plainTextOf(a, token.federationMember, documentId, 1);
    sectionKey = (await annotate(a, 'federationMember', 'Guichet unique')).sectionKey;
  });

  it('delivers an event produced on instance A to a subscriber on instance B, ids only', async () => {
    const reader = subscribe(b, 'companyMember', { documentId, after: await lastSeq() });
    const first = await annotate(a, 'federationMember', 'Article 2');
    await reader.until((s) => s.received(first.id));
    // Now subscribed for sure: the next one travels by NOTIFY from A's transaction to B's LISTEN connection.
    const second = await annotate(a, 'federationMember', 'Article 3');
    const posted = await a.gql<{ postComment: { comment: { id: string } } }>(
      POST,
      { input: { subjectType: 'ANNOTATION', subjectId: second.id, body: 'Réponse' } },
      token.companyRepresentative,
    );
    const replyId = posted.data!.postComment.comment.id;
    await reader.until((s) => s.received(replyId));

    expect(reader.errors).toEqual([]);
    const [created, reply] = [second.id, replyId].map((id) => reader.events.find((event) => event.subjectId === id)!);
    expect(created).toMatchObject({ type: 'ANNOTATION_CREATED', subjectType: 'ANNOTATION', documentId });
    expect(reply).toMatchObject({
      type: 'COMMENT_CREATED',
      subjectType: 'COMMENT',
      parentType: 'ANNOTATION',
      parentId: second.id,
      documentId,
    });
    expect(Object.keys(reply)).not.toContain('body');
    const seqs = reader.events.map((event) => Number(event.seq));
    expect(seqs).toEqual([...seqs].sort((x, y) => x - y));
  });

  it('delivers nothing to a subscriber without rights: a private space, an ORGANIZATION annotation, hidden content', async () => {
    const after = await lastSeq();
    const outsider = subscribe(b, 'companyMember', { documentId, after }); // Atlas: not FMO, not in the space
    const insider = subscribe(b, 'federationRepresentative', { documentId, after }); // FMO, owns the space
    const moderator = subscribe(a, 'moderator', { documentId, after });

    // A thread of a PRIVATE space, citing the document.
    const fmo = (await a.db.query(`SELECT id FROM organizations WHERE acronym = 'FMO'`)).rows[0].id;
    const space = await a.gql<{ createSpace: { space: { id: string } } }>(
      CREATE_SPACE,
      { input: { name: 'Cercle FMO', slug: 'cercle-fmo-live', ownerOrganizationId: fmo, visibility: 'PRIVATE' } },
      token.federationRepresentative,
    );
    const spaceId = space.data!.createSpace.space.id;
    const thread = await a.gql<{ createThread: { thread: { id: string } } }>(
      CREATE_THREAD,
      {
        input: {
          spaceId,
          title: 'Entre nous',
          body: 'Confidentiel',
          tags: [],
          citation: { documentId, versionNumber: 1, sectionKey },
        },
      },
      token.federationRepresentative,
    );
    const threadId = thread.data!.createThread.thread.id;
    // An annotation for FMO's members only.
    const internal = await annotate(a, 'federationMember', 'Article 4', { visibility: 'ORGANIZATION' });
    // Hidden content: hidden by a moderator, then edited by its author.
    const hidden = await annotate(a, 'federationMember', 'Article 5');
    expect(
      outcome(
        await a.gql(
          HIDE,
          {
            input: { contentType: 'ANNOTATION', contentId: hidden.id, action: 'HIDE', reason: 'Injurieux', version: 0 },
          },
          token.moderator,
        ),
      ),
    ).toBe('OK');
    expect(
      outcome(await a.gql(UPDATE, { input: { id: hidden.id, version: 1, body: 'Encore' } }, token.federationMember)),
    ).toBe('OK');
    // A public sentinel: events come in seq order, so once it arrives everything before it was decided.
    const sentinel = await annotate(a, 'companyRepresentative', 'Article 6');
    for (const subscriber of [outsider, insider, moderator]) await subscriber.until((s) => s.received(sentinel.id));

    expect(outsider.received(threadId)).toBe(false);
    expect(outsider.received(internal.id)).toBe(false);
    expect(outsider.received(hidden.id, 'ANNOTATION_CHANGED')).toBe(false);
    // It learns that the hidden annotation went away (ids only), so that its screen drops it.
    expect(outsider.received(hidden.id, 'CONTENT_HIDDEN')).toBe(true);
    // Those who may read each subject get it (the same rules as queries).
    expect(insider.received(threadId, 'THREAD_CREATED')).toBe(true);
    expect(insider.received(internal.id, 'ANNOTATION_CREATED')).toBe(true);
    expect(moderator.received(hidden.id, 'ANNOTATION_CHANGED')).toBe(true);
    expect(moderator.received(threadId)).toBe(false); // platform moderators do not read PRIVATE spaces

    // Subscribing to the private space itself is NOT_FOUND for an outsider.
    const snooper = subscribe(b, 'companyMember', { spaceId });
    await snooper.until((s) => s.errors.length > 0);
    expect(snooper.errors).toMatchObject([{ extensions: { code: 'NOT_FOUND' } }]);
  });

  it('reconnects a killed LISTEN connection; a client resuming from its last seq misses nothing', async () => {
    const bus = b.nest.get(EventBus);
    const staying = subscribe(b, 'companyMember', { documentId, after: await lastSeq() });
    const leaving = subscribe(b, 'companyMember', { documentId, after: await lastSeq() });
    const before = await annotate(a, 'federationMember', 'Article 7');
    await leaving.until((s) => s.received(before.id));
    const resumeFrom = leaving.lastSeq!;
    await leaving.close();

    const connections = bus.connections;
    const killed = await a.db.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
        WHERE application_name = 'majlis-live' AND datname = current_database()`,
    );
    expect(killed.rowCount).toBeGreaterThanOrEqual(2); // A's and B's
    const missed: string[] = [];
    for (const passage of ['Article 8', 'Article 9', 'Article 10'])
      missed.push((await annotate(a, 'federationMember', passage)).id);
    while (bus.connections === connections || !bus.listening) await new Promise((resolve) => setTimeout(resolve, 50));

    const resumed = subscribe(b, 'companyMember', { documentId, after: resumeFrom });
    await resumed.until((s) => missed.every((id) => s.received(id)));
    const after = await annotate(a, 'federationMember', 'Article 11');
    await resumed.until((s) => s.received(after.id));
    await staying.until((s) => s.received(after.id));

    const created = (subscriber: LiveSubscriber) =>
      subscriber.events.filter((event) => event.type === 'ANNOTATION_CREATED').map((event) => event.subjectId);
    expect(created(resumed)).toEqual([...missed, after.id]);
    expect(created(staying)).toEqual([before.id, ...missed, after.id]);
  });

  it('closes the socket with 4419 when the session ends, and refuses a socket without a valid token', async () => {
    const session = await a.signIn(ACCOUNTS.companyMember);
    const subscriber = subscribeWithToken(b, session.accessToken, { documentId });
    await subscriber.until((s) => s.connected);
    expect(outcome(await a.gql(`mutation { signOut { signedOut } }`, {}, session.accessToken))).toBe('OK');
    await subscriber.until((s) => s.closeCode !== null);
    expect(subscriber.closeCode).toBe(4419);

    const stranger = subscribeWithToken(b, 'not-a-token', { documentId });
    await stranger.until((s) => s.closeCode !== null);
    expect(stranger.closeCode).toBe(4419);
  });
});
