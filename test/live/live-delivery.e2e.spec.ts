import { LiveAccess, LiveFanout } from '@majlis/api';
import { CommentService } from '@majlis/discussions';
import { AnnotationService } from '@majlis/documents';
import type { ReadersQuestion, RowsRunner } from '@majlis/kernel';
import { ACCOUNTS, signInDemoAccounts } from '../support/demo-accounts';
import { SAMPLE_V1, annotatePassage, openDocument, plainTextOf } from '../support/documents';
import { LiveSubscriber } from '../support/live-client';
import { TestApp, startTestApp } from '../support/test-app';

type Account = keyof typeof ACCOUNTS;

/**
 * What a live subscriber is sent: each event's `next` message is serialised once per event and operation for all
 * of an instance's subscribers, and written straight to their sockets (live-delivery.ts). Each subscriber still
 * gets exactly its own selection under its own subscription id, only what it may read, and nothing once its
 * account is suspended (checked at delivery, even while its socket is open).
 */
describe('live delivery: shared messages, per-subscriber payloads and rights', () => {
  let app: TestApp;
  let token: Record<Account, string>;
  const subscribers: LiveSubscriber[] = [];
  let documentId: string;
  let text: string;

  const subscribe = (account: Account, variables: Record<string, unknown>, query?: string) => {
    const subscriber = new LiveSubscriber(app, token[account], variables, query);
    subscribers.push(subscriber);
    return subscriber;
  };
  const lastSeq = async () =>
    String((await app.db.query(`SELECT COALESCE(max(seq), 0) AS seq FROM events`)).rows[0].seq);
  const annotate = async (account: Account, passage: string, visibility: 'PUBLIC' | 'ORGANIZATION' = 'PUBLIC') =>
    (await annotatePassage(app, token[account], { documentId, text }, passage, { visibility })).id;
  const setStatus = (account: Account, status: 'ACTIVE' | 'SUSPENDED' | 'DELETED') =>
    app.db.query(`UPDATE users SET status = $2 WHERE email = $1`, [ACCOUNTS[account], status]);

  beforeAll(async () => {
    // Sessions are re-checked rarely here: what a suspended person receives is decided at delivery, not by the check.
    app = await startTestApp({ env: { LIVE_SESSION_CHECK_SECONDS: '3600' } });
    token = await signInDemoAccounts(app);
    documentId = await openDocument(app, token.moderator, SAMPLE_V1);
    text = await plainTextOf(app, token.federationMember, documentId, 1);
  });
  afterAll(async () => {
    await Promise.all(subscribers.map((subscriber) => subscriber.close()));
    await setStatus('companyMember', 'ACTIVE');
    await app?.close();
  });

  it('sends each subscriber its own selection of the same event, under its own subscription', async () => {
    const after = await lastSeq();
    const narrow = subscribe(
      'companyMember',
      { documentId, after },
      `subscription($documentId: ID, $after: String) { liveEvents(documentId: $documentId, after: $after) { seq subjectId } }`,
    );
    const wide = subscribe(
      'companyMember',
      { documentId, after },
      `subscription($documentId: ID, $after: String) {
        liveEvents(documentId: $documentId, after: $after) { type subjectId documentId } }`,
    );
    const aliased = subscribe(
      'federationMember',
      { documentId, after },
      `subscription($documentId: ID, $after: String) { liveEvents(documentId: $documentId, after: $after) { what: type id: subjectId } }`,
    );
    const id = await annotate('federationRepresentative', 'Guichet unique');
    const got = (s: LiveSubscriber) => s.events as unknown as Record<string, string>[];
    await narrow.until((s) => got(s).some((e) => e['subjectId'] === id));
    await wide.until((s) => got(s).some((e) => e['subjectId'] === id));
    await aliased.until((s) => got(s).some((e) => e['id'] === id));
    expect(got(narrow)).toEqual([{ seq: expect.stringMatching(/^\d+$/), subjectId: id }]);
    expect(got(wide)).toEqual([{ type: 'ANNOTATION_CREATED', subjectId: id, documentId }]);
    expect(got(aliased)).toEqual([{ what: 'ANNOTATION_CREATED', id }]);
    for (const subscriber of [narrow, wide, aliased]) expect(subscriber.errors).toEqual([]);
  });

  it('shares the serialised message between readers, never with someone who may not read the event', async () => {
    const after = await lastSeq();
    // The same operation (one shared message per event): FMO's member may read FMO's internal annotation, Atlas's not.
    const insider = subscribe('federationMember', { documentId, after });
    const outsider = subscribe('companyMember', { documentId, after });
    const internal = await annotate('federationRepresentative', 'Article 2', 'ORGANIZATION');
    const visible = await annotate('federationRepresentative', 'Article 3');
    await insider.until((s) => s.received(visible));
    await outsider.until((s) => s.received(visible));
    expect(insider.events.map((e) => e.subjectId)).toEqual([internal, visible]);
    expect(outsider.events.map((e) => e.subjectId)).toEqual([visible]);
  });

  it('delivers a batch of events of different subjects and visibilities each to its own readers only, in seq order', async () => {
    const after = await lastSeq();
    const fanout = app.nest.get(LiveFanout);
    const joined = fanout.size;
    const insider = subscribe('federationMember', { documentId, after });
    const outsider = subscribe('companyMember', { documentId, after });
    await Promise.all([insider, outsider].map((s) => s.until((x) => x.connected)));
    while (fanout.size < joined + 2) await new Promise((resolve) => setTimeout(resolve, 20));
    // Hidden during the batch: an annotation both could read before (its hiding is theirs to learn).
    const earlier = await annotate('federationRepresentative', 'Article 1');
    await outsider.until((s) => s.received(earlier));

    // The live checks wait until every event is recorded, so that the fan-out's later batches hold several events.
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const asked: { type: string; questions: number }[] = [];
    const hold = (
      type: string,
      service: { readersNow(q: readonly ReadersQuestion[], db?: RowsRunner): Promise<unknown> },
    ) => {
      const original = service.readersNow.bind(service);
      return jest.spyOn(service, 'readersNow').mockImplementation(async (q, db) => {
        asked.push({ type, questions: q.length });
        await gate;
        return original(q, db);
      });
    };
    const held = [hold('ANNOTATION', app.nest.get(AnnotationService)), hold('COMMENT', app.nest.get(CommentService))];
    try {
      const first = await annotate('federationRepresentative', 'Article 2');
      const internal = await annotate('federationRepresentative', 'Article 3', 'ORGANIZATION');
      const reply = await app.gql<{ postComment: { comment: { id: string } } }>(
        `mutation($input: PostCommentInput!) { postComment(input: $input) { comment { id } } }`,
        { input: { subjectType: 'ANNOTATION', subjectId: internal, body: 'Entre nous' } },
        token.federationRepresentative,
      );
      const internalReply = reply.data!.postComment.comment.id;
      const hidden = await app.gql(
        `mutation($input: ModerateContentInput!) { moderateContent(input: $input) { version } }`,
        { input: { contentType: 'ANNOTATION', contentId: earlier, action: 'HIDE', reason: 'Injurieux', version: 0 } },
        token.moderator,
      );
      expect(hidden.errors).toBeUndefined();
      const second = await annotate('federationRepresentative', 'Article 4');
      const internalSecond = await annotate('federationRepresentative', 'Article 5', 'ORGANIZATION');
      release();
      await insider.until((s) => s.received(internalSecond));
      await outsider.until((s) => s.received(second));
      // A moment for anything wrongly sent after the last expected event to arrive too.
      await new Promise((resolve) => setTimeout(resolve, 300));

      expect(insider.events.map((e) => [e.type, e.subjectId])).toEqual([
        ['ANNOTATION_CREATED', earlier],
        ['ANNOTATION_CREATED', first],
        ['ANNOTATION_CREATED', internal],
        ['COMMENT_CREATED', internalReply],
        ['CONTENT_HIDDEN', earlier],
        ['ANNOTATION_CREATED', second],
        ['ANNOTATION_CREATED', internalSecond],
      ]);
      // Atlas's member reads neither FMO's internal annotations nor the reply under one; it learns the hiding.
      expect(outsider.events.map((e) => [e.type, e.subjectId])).toEqual([
        ['ANNOTATION_CREATED', earlier],
        ['ANNOTATION_CREATED', first],
        ['CONTENT_HIDDEN', earlier],
        ['ANNOTATION_CREATED', second],
      ]);
      const seqs = insider.events.map((e) => Number(e.seq));
      expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
      // The checks were batched: a statement decided several annotations at once, beside the reply's.
      expect(Math.max(...asked.filter((a) => a.type === 'ANNOTATION').map((a) => a.questions))).toBeGreaterThan(1);
      expect(asked.some((a) => a.type === 'COMMENT')).toBe(true);
    } finally {
      release();
      held.forEach((spy) => spy.mockRestore());
    }
  });

  it('sends nothing to a suspended or deleted account whose socket is still open, and sends again once reinstated', async () => {
    const after = await lastSeq();
    const suspended = subscribe('companyMember', { documentId, after });
    const witness = subscribe('companyRepresentative', { documentId, after });
    await Promise.all([suspended, witness].map((s) => s.until((x) => x.connected)));
    try {
      await setStatus('companyMember', 'SUSPENDED');
      const whileSuspended = await annotate('federationRepresentative', 'Article 4');
      await setStatus('companyMember', 'DELETED');
      const whileDeleted = await annotate('federationRepresentative', 'Article 5');
      await witness.until((s) => s.received(whileDeleted));
      await setStatus('companyMember', 'ACTIVE');
      const reinstated = await annotate('federationRepresentative', 'Article 6');
      await suspended.until((s) => s.received(reinstated));
      await witness.until((s) => s.received(reinstated));
      // Events come in seq order on one instance: had the earlier ones been sent, they would have come first.
      expect(suspended.closeCode).toBeNull();
      expect(suspended.events.map((e) => e.subjectId)).toEqual([reinstated]);
      expect(witness.events.map((e) => e.subjectId)).toEqual([whileSuspended, whileDeleted, reinstated]);
    } finally {
      await setStatus('companyMember', 'ACTIVE');
    }
  });

  it('refuses suspended accounts in every way an audience is decided, in the batched statement too', async () => {
    const access = app.nest.get(LiveAccess);
    const ids = (await app.db.query(`SELECT email, id FROM users WHERE email = ANY($1)`, [Object.values(ACCOUNTS)]))
      .rows as { email: string; id: string }[];
    const idOf = (account: Account) => ids.find((row) => row.email === ACCOUNTS[account])!.id;
    const actorOf = (account: Account) => ({ userId: idOf(account), platformRole: 'MEMBER' as const, memberships: [] });
    const people = new Map((['companyMember', 'companyRepresentative'] as Account[]).map((a) => [idOf(a), actorOf(a)]));
    // The fan-out's own check of this event (for the subscribers still open) is done before counting statements.
    const witness = subscribe('companyRepresentative', { documentId, after: await lastSeq() });
    const annotation = await annotate('federationRepresentative', 'Article 7');
    await witness.until((s) => s.received(annotation));
    const event = (subjectType: string, subjectId: string) =>
      ({
        seq: 1,
        type: subjectType === 'USER' ? 'INBOX_CHANGED' : 'ANNOTATION_CHANGED',
        subjectType,
        subjectId,
        parentType: null,
        parentId: null,
        documentId,
        spaceId: null,
        threadId: null,
        consultationId: null,
        actorId: null,
        createdAt: new Date().toISOString(),
      }) as never;
    const batched = jest.spyOn(app.nest.get(AnnotationService), 'readersNow');
    try {
      expect(await access.readers(event('ANNOTATION', annotation), people)).toEqual(
        new Set([idOf('companyMember'), idOf('companyRepresentative')]),
      );
      expect(await access.readers(event('USER', idOf('companyMember')), people)).toEqual(
        new Set([idOf('companyMember')]),
      );
      await setStatus('companyMember', 'SUSPENDED');
      expect(await access.readers(event('ANNOTATION', annotation), people)).toEqual(
        new Set([idOf('companyRepresentative')]),
      );
      expect(await access.readers(event('USER', idOf('companyMember')), people)).toEqual(new Set());
      expect(batched).toHaveBeenCalledTimes(2);
    } finally {
      batched.mockRestore();
      await setStatus('companyMember', 'ACTIVE');
    }
  });
});
