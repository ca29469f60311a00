import { LiveAccess } from '@majlis/api';
import { CommentService, ThreadService } from '@majlis/discussions';
import { ConsultationService } from '@majlis/consultations';
import type { Actor, DomainEvent, DomainEventType, EventSubjectType } from '@majlis/kernel';
import { ACCOUNTS, demoActors, signInDemoAccounts } from '../support/demo-accounts';
import { CREATE_ANNOTATION, SAMPLE_V1, openDocument, plainTextOf, targetFor } from '../support/documents';
import { decidedOneByOne, decidedTogether } from '../support/live-batches';
import { TestApp, outcome, startTestApp } from '../support/test-app';

type Account = keyof typeof ACCOUNTS;

const CREATE_SPACE = `mutation($input: CreateSpaceInput!) { createSpace(input: $input) { space { id } } }`;
const ADD_MEMBER = `mutation($input: AddSpaceMemberInput!) { addSpaceMember(input: $input) { __typename } }`;
const CREATE_THREAD = `mutation($input: CreateThreadInput!) { createThread(input: $input) { thread { id } } }`;
const DELETE_THREAD = `mutation($input: ThreadIdInput!) { deleteThread(input: $input) { __typename } }`;
const POST = `mutation($input: PostCommentInput!) { postComment(input: $input) { comment { id } } }`;
const DELETE_COMMENT = `mutation($input: CommentIdInput!) { deleteComment(input: $input) { __typename } }`;
const HIDE = `mutation($input: ModerateContentInput!) { moderateContent(input: $input) { version } }`;
const CREATE_CONSULTATION = `mutation($input: CreateConsultationInput!) { createConsultation(input: $input) { consultation { id } } }`;
const PUBLISH = `mutation($input: ConsultationIdInput!) { publishConsultation(input: $input) { consultation { id } } }`;

/**
 * The batched access checks of live updates for threads, replies and consultations (one statement per event for
 * all of an instance's subscribers, built from the policies' SQL twins) agree with the per-person check (the area's
 * `get`, as queries decide) for every role × state: public and private spaces, hidden (seen by its author, the
 * platform's moderators and the space's own moderator), deleted with and without replies; replies under a thread,
 * a private thread, a hidden thread, an ORGANIZATION annotation; published and draft consultations; for ordinary
 * events and for removals (delivered to those who could read the subject apart from its removal).
 */
describe('live access: batched checks of threads, replies and consultations agree with the per-person check', () => {
  let app: TestApp;
  let access: LiveAccess;
  let token: Record<Account, string>;
  let actor: Record<Account, Actor>;
  const subjects: Record<
    string,
    { type: EventSubjectType; id: string; parentType?: EventSubjectType; parentId?: string; spaceId?: string }
  > = {};
  let seq = 2_000_000;

  const gql = async <T>(query: string, input: Record<string, unknown>, as: Account): Promise<T> => {
    const result = await app.gql<T>(query, { input }, token[as]);
    if (!result.data) throw new Error(JSON.stringify(result.errors));
    return result.data;
  };

  beforeAll(async () => {
    app = await startTestApp();
    access = app.nest.get(LiveAccess);
    token = await signInDemoAccounts(app);
    actor = await demoActors(app);
    const fmo = (await app.db.query(`SELECT id FROM organizations WHERE acronym = 'FMO'`)).rows[0].id;
    const space = async (slug: string, visibility: 'PUBLIC' | 'PRIVATE') =>
      (
        await gql<{ createSpace: { space: { id: string } } }>(
          CREATE_SPACE,
          { name: `Espace ${slug}`, slug, ownerOrganizationId: fmo, visibility },
          'federationRepresentative',
        )
      ).createSpace.space.id;
    const thread = async (spaceId: string, title: string, as: Account = 'federationMember') => {
      const id = (
        await gql<{ createThread: { thread: { id: string } } }>(
          CREATE_THREAD,
          { spaceId, title, body: `Sur ${title}`, tags: [] },
          as,
        )
      ).createThread.thread.id;
      subjects[title] = { type: 'THREAD', id, spaceId };
      return id;
    };
    const reply = async (name: string, subjectType: 'THREAD' | 'ANNOTATION', subjectId: string, as: Account) => {
      const id = (
        await gql<{ postComment: { comment: { id: string } } }>(POST, { subjectType, subjectId, body: name }, as)
      ).postComment.comment.id;
      subjects[name] = { type: 'COMMENT', id, parentType: subjectType, parentId: subjectId };
      return id;
    };
    const hide = async (contentType: 'THREAD' | 'COMMENT', id: string) =>
      expect(
        outcome(
          await app.gql(
            HIDE,
            { input: { contentType, contentId: id, action: 'HIDE', reason: 'Injurieux', version: 0 } },
            token.moderator,
          ),
        ),
      ).toBe('OK');

    const agora = await space('agora-live-matrix', 'PUBLIC');
    // Atlas's member moderates this public space: the space's moderators see its hidden content too.
    expect(
      outcome(
        await app.gql(
          ADD_MEMBER,
          { input: { spaceId: agora, userId: actor.companyMember.userId, role: 'MODERATOR' } },
          token.federationRepresentative,
        ),
      ),
    ).toBe('OK');
    const cercle = await space('cercle-live-matrix', 'PRIVATE');

    const open = await thread(agora, 'public thread');
    await thread(cercle, 'private thread', 'federationRepresentative');
    const hidden = await thread(agora, 'hidden thread');
    await hide('THREAD', hidden);
    const deleted = await thread(agora, 'deleted thread');
    await gql(DELETE_THREAD, { id: deleted }, 'federationMember');
    const tombstone = await thread(agora, 'tombstone thread');
    await reply('reply under the tombstone', 'THREAD', tombstone, 'companyRepresentative');
    await gql(DELETE_THREAD, { id: tombstone }, 'federationMember');

    await reply('public reply', 'THREAD', open, 'companyRepresentative');
    await reply('private reply', 'THREAD', subjects['private thread'].id, 'federationRepresentative');
    await hide('COMMENT', await reply('hidden reply', 'THREAD', open, 'companyRepresentative'));
    await gql(
      DELETE_COMMENT,
      { id: await reply('deleted reply', 'THREAD', open, 'companyRepresentative') },
      'companyRepresentative',
    );
    // Its author still sees a hidden thread, and replies under it (then a tombstone for the others).
    const hiddenWithReply = await thread(agora, 'hidden thread with a reply');
    await hide('THREAD', hiddenWithReply);
    await reply('reply under a hidden thread', 'THREAD', hiddenWithReply, 'federationMember');

    const documentId = await openDocument(app, token.moderator, SAMPLE_V1);
    const text = await plainTextOf(app, token.federationMember, documentId, 1);
    const internal = (
      await gql<{ createAnnotation: { annotation: { id: string } } }>(
        CREATE_ANNOTATION,
        {
          documentId,
          versionNumber: 1,
          target: targetFor(text, 'Article 2'),
          motivation: 'COMMENTING',
          body: 'Entre nous',
          visibility: 'ORGANIZATION',
        },
        'federationMember',
      )
    ).createAnnotation.annotation.id;
    await reply('reply under an ORGANIZATION annotation', 'ANNOTATION', internal, 'federationRepresentative');

    const now = app.clock.now().getTime();
    const consultation = async (name: string, publish: boolean) => {
      const id = (
        await gql<{ createConsultation: { consultation: { id: string } } }>(
          CREATE_CONSULTATION,
          {
            title: name,
            summary: 'Vos avis.',
            opensAt: new Date(now - 3600_000),
            closesAt: new Date(now + 48 * 3600_000),
            eligibleKinds: ['FEDERATION', 'COMPANY'],
            questions: [{ kind: 'TEXT', prompt: 'Votre avis', required: false, maxLength: 2000 }],
          },
          'moderator',
        )
      ).createConsultation.consultation.id;
      if (publish) await gql(PUBLISH, { id }, 'moderator');
      subjects[name] = { type: 'CONSULTATION', id };
    };
    await consultation('published consultation', true);
    await consultation('draft consultation', false);
  });
  afterAll(async () => {
    await app?.close();
  });

  const accounts = Object.keys(ACCOUNTS) as Account[];
  const event = (type: DomainEventType, name: string): DomainEvent => {
    const subject = subjects[name];
    return {
      seq: ++seq,
      type,
      subjectType: subject.type,
      subjectId: subject.id,
      parentType: subject.parentType ?? null,
      parentId: subject.parentId ?? null,
      documentId: null,
      spaceId: subject.spaceId ?? null,
      threadId: subject.type === 'THREAD' ? subject.id : null,
      consultationId: subject.type === 'CONSULTATION' ? subject.id : null,
      actorId: null,
      createdAt: new Date().toISOString(),
    };
  };
  const threads = [
    'public thread',
    'private thread',
    'hidden thread',
    'hidden thread with a reply',
    'deleted thread',
    'tombstone thread',
  ];
  const replies = [
    'public reply',
    'private reply',
    'hidden reply',
    'deleted reply',
    'reply under the tombstone',
    'reply under a hidden thread',
    'reply under an ORGANIZATION annotation',
  ];
  const consultations = ['published consultation', 'draft consultation'];
  const cases: [string, DomainEventType][] = [
    ...threads.flatMap((name) =>
      (['THREAD_CHANGED', 'THREAD_DELETED'] as const).map((type) => [name, type] as [string, DomainEventType]),
    ),
    ...replies.flatMap((name) =>
      (['COMMENT_CHANGED', 'CONTENT_HIDDEN'] as const).map((type) => [name, type] as [string, DomainEventType]),
    ),
    ...consultations.map((name) => [name, 'CONSULTATION_CHANGED'] as [string, DomainEventType]),
  ];
  const decided: Record<string, Record<string, boolean>> = {};

  it.each(cases)('%s, %s: same readers, one statement for everyone', async (name, type) => {
    const perPerson = access as unknown as { decide(actor: Actor, event: DomainEvent): Promise<boolean> };
    const expected: Record<string, boolean> = {};
    for (const account of accounts) expected[account] = await perPerson.decide(actor[account], event(type, name));

    const service = { THREAD: ThreadService, COMMENT: CommentService, CONSULTATION: ConsultationService }[
      subjects[name].type as 'THREAD' | 'COMMENT' | 'CONSULTATION'
    ];
    const statements = jest.spyOn(service.prototype, 'readersNow');
    const checks = jest.spyOn(perPerson, 'decide');
    try {
      const readers = await access.readers(
        event(type, name),
        new Map(accounts.map((a) => [actor[a].userId, actor[a]])),
      );
      const received = Object.fromEntries(accounts.map((account) => [account, readers.has(actor[account].userId)]));
      expect(received).toEqual(expected);
      expect(statements).toHaveBeenCalledTimes(1);
      expect(checks).not.toHaveBeenCalled();
      decided[`${name} ${type}`] = received;
    } finally {
      statements.mockRestore();
      checks.mockRestore();
    }
  });

  it('decides threads, replies and consultations in one batch: one statement per subject type, each event only to its own people allowed', async () => {
    // Every case at once, each asking about its own people (a different two thirds of the accounts).
    const batch = cases.map(([name, type], k) => ({
      event: event(type, name),
      people: accounts.filter((_, index) => (index + k) % 3 !== 0),
    }));
    const expected = await decidedOneByOne(access, actor, batch);
    const services = [ThreadService, CommentService, ConsultationService];
    const statements = services.map((service) => jest.spyOn(service.prototype, 'readersNow'));
    try {
      const received = await decidedTogether(access, actor, batch, accounts);
      expect(received).toEqual(expected);
      // One statement per subject type decided them all.
      const ofType = (type: string) => batch.filter(({ event: one }) => one.subjectType === type).length;
      statements.forEach((spy, index) => {
        expect(spy).toHaveBeenCalledTimes(1);
        expect(spy.mock.calls[0][0]).toHaveLength(ofType(['THREAD', 'COMMENT', 'CONSULTATION'][index]));
      });
    } finally {
      statements.forEach((spy) => spy.mockRestore());
    }
    expect(expected.some((readers) => readers.length === 0)).toBe(true);
    expect(expected.some((readers, k) => readers.length > 0 && readers.length < batch[k].people.length)).toBe(true);
  });

  it('the matrix is not trivial: each state refuses someone it would otherwise deliver to', () => {
    expect(decided['private thread THREAD_CHANGED']).toMatchObject({
      federationRepresentative: true,
      companyMember: false,
      moderator: false,
    });
    expect(decided['hidden thread THREAD_CHANGED']).toMatchObject({
      federationMember: true, // its author
      moderator: true,
      companyMember: true, // the space's moderator
      companyRepresentative: false,
    });
    expect(decided['hidden thread THREAD_DELETED']).toMatchObject({ companyRepresentative: true });
    expect(decided['deleted thread THREAD_CHANGED']).toMatchObject({ federationMember: false, moderator: false });
    expect(decided['tombstone thread THREAD_CHANGED']).toMatchObject({ companyRepresentative: true });
    expect(decided['hidden reply COMMENT_CHANGED']).toMatchObject({
      companyRepresentative: true,
      companyMember: true,
      otherRepresentative: false,
    });
    expect(decided['hidden reply CONTENT_HIDDEN']).toMatchObject({ otherRepresentative: true });
    expect(decided['deleted reply COMMENT_CHANGED']).toMatchObject({ companyRepresentative: false });
    expect(decided['private reply COMMENT_CHANGED']).toMatchObject({
      federationRepresentative: true,
      otherRepresentative: false,
    });
    expect(decided['private reply CONTENT_HIDDEN']).toMatchObject({ otherRepresentative: false });
    expect(decided['reply under an ORGANIZATION annotation COMMENT_CHANGED']).toMatchObject({
      federationMember: true,
      companyMember: false,
    });
    expect(decided['draft consultation CONSULTATION_CHANGED']).toMatchObject({
      moderator: true,
      federationMember: false,
    });
    expect(decided['published consultation CONSULTATION_CHANGED']).toMatchObject({ federationMember: true });
  });
});
