import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { parse } from 'graphql';
import { LiveAccess, shareKey } from '@majlis/api';
import { AnnotationService } from '@majlis/documents';
import type { Actor, DomainEvent, DomainEventType } from '@majlis/kernel';
import { ACCOUNTS, demoActors, signInDemoAccounts } from '../support/demo-accounts';
import { SAMPLE_V1, annotatePassage, openDocument, plainTextOf } from '../support/documents';
import { decidedOneByOne, decidedTogether } from '../support/live-batches';
import { TestApp, outcome, startTestApp } from '../support/test-app';

type Account = keyof typeof ACCOUNTS;

const HIDE = `mutation($input: ModerateContentInput!) { moderateContent(input: $input) { version } }`;
const DELETE = `mutation($input: AnnotationIdInput!) { deleteAnnotation(input: $input) { annotation { id } } }`;
const POST = `mutation($input: PostCommentInput!) { postComment(input: $input) { comment { id } } }`;

/**
 * The batched access check of live updates (one statement per event for all of an instance's subscribers) agrees
 * with the per-person check (the area's `get`, as queries decide) for every role × annotation state: public,
 * ORGANIZATION, hidden by moderation, deleted by its author (with and without replies), for ordinary events and for
 * removals (delivered to those who could read the subject apart from its removal).
 */
describe('live access: batched check agrees with the per-person check', () => {
  let app: TestApp;
  let access: LiveAccess;
  let token: Record<Account, string>;
  let actor: Record<Account, Actor>;
  const subjects: Record<string, string> = {};
  let seq = 1_000_000;

  const event = (type: DomainEventType, subjectId: string): DomainEvent => ({
    seq: ++seq,
    type,
    subjectType: 'ANNOTATION',
    subjectId,
    parentType: null,
    parentId: null,
    documentId: null,
    spaceId: null,
    threadId: null,
    consultationId: null,
    actorId: null,
    createdAt: new Date().toISOString(),
  });

  beforeAll(async () => {
    app = await startTestApp();
    access = app.nest.get(LiveAccess);
    token = await signInDemoAccounts(app);
    actor = await demoActors(app);
    const documentId = await openDocument(app, token.moderator, SAMPLE_V1);
    const text = await plainTextOf(app, token.federationMember, documentId, 1);
    const annotate = async (passage: string, visibility: 'PUBLIC' | 'ORGANIZATION') =>
      (await annotatePassage(app, token.federationMember, { documentId, text }, passage, { visibility })).id;
    const hide = async (id: string) =>
      expect(
        outcome(
          await app.gql(
            HIDE,
            { input: { contentType: 'ANNOTATION', contentId: id, action: 'HIDE', reason: 'Injurieux', version: 0 } },
            token.moderator,
          ),
        ),
      ).toBe('OK');
    const remove = async (id: string) =>
      expect(outcome(await app.gql(DELETE, { input: { id } }, token.federationMember))).toBe('OK');

    subjects.public = await annotate('Article 2', 'PUBLIC');
    subjects.organization = await annotate('Article 3', 'ORGANIZATION');
    subjects.hiddenPublic = await annotate('Article 4', 'PUBLIC');
    await hide(subjects.hiddenPublic);
    subjects.hiddenOrganization = await annotate('Article 5', 'ORGANIZATION');
    await hide(subjects.hiddenOrganization);
    subjects.deleted = await annotate('Article 6', 'PUBLIC');
    await remove(subjects.deleted);
    subjects.tombstone = await annotate('Article 7', 'PUBLIC');
    expect(
      outcome(
        await app.gql(
          POST,
          { input: { subjectType: 'ANNOTATION', subjectId: subjects.tombstone, body: 'Réponse' } },
          token.companyRepresentative,
        ),
      ),
    ).toBe('OK');
    await remove(subjects.tombstone);
  });
  afterAll(async () => {
    await app?.close();
  });

  const accounts = Object.keys(ACCOUNTS) as Account[];
  const cases = ['public', 'organization', 'hiddenPublic', 'hiddenOrganization', 'deleted', 'tombstone'].flatMap(
    (subject) =>
      (['ANNOTATION_CHANGED', 'CONTENT_HIDDEN'] as DomainEventType[]).map((type) => [subject, type] as const),
  );

  it.each(cases)('%s annotation, %s: same readers, one statement for everyone', async (subject, type) => {
    const perPerson = access as unknown as { decide(actor: Actor, event: DomainEvent): Promise<boolean> };
    const single = event(type, subjects[subject]);
    const expected: Record<string, boolean> = {};
    for (const account of accounts) expected[account] = await perPerson.decide(actor[account], single);

    const statements = jest.spyOn(app.nest.get(AnnotationService), 'readersNow');
    try {
      // The fan-out asks once per event for everyone following its scope on the instance.
      const readers = await access.readers(
        event(type, subjects[subject]),
        new Map(accounts.map((a) => [actor[a].userId, actor[a]])),
      );
      const received = Object.fromEntries(accounts.map((account) => [account, readers.has(actor[account].userId)]));
      expect(received).toEqual(expected);
      expect(statements).toHaveBeenCalledTimes(1);
    } finally {
      statements.mockRestore();
    }
  });

  it('decides a batch of events of different annotations, states and audiences together: each only to its own people allowed', async () => {
    // Every case at once, each asking about its own people (a different two thirds of the accounts).
    const batch = cases.map(([subject, type], k) => ({
      event: event(type, subjects[subject]),
      people: accounts.filter((_, index) => (index + k) % 3 !== 0),
    }));
    const expected = await decidedOneByOne(access, actor, batch);
    const statements = jest.spyOn(app.nest.get(AnnotationService), 'readersNow');
    try {
      const received = await decidedTogether(access, actor, batch, accounts);
      expect(received).toEqual(expected);
      // One statement decided them all (the batch really mixed them).
      expect(statements).toHaveBeenCalledTimes(1);
      expect(statements.mock.calls[0][0]).toHaveLength(batch.length);
    } finally {
      statements.mockRestore();
    }
    // Not trivial: the same subject answers differently to an ordinary event and to its removal, and some events
    // reach nobody they ask about while others reach everyone.
    const at = (subject: string, type: DomainEventType) =>
      expected[cases.findIndex(([s, t]) => s === subject && t === type)];
    expect(at('hiddenPublic', 'ANNOTATION_CHANGED')).not.toEqual(at('hiddenPublic', 'CONTENT_HIDDEN'));
    expect(expected.some((readers) => readers.length === 0)).toBe(true);
    expect(expected.some((readers, k) => readers.length === batch[k].people.length)).toBe(true);
  });

  it('the matrix is not trivial: someone is refused and someone receives', async () => {
    const perPerson = access as unknown as { decide(actor: Actor, event: DomainEvent): Promise<boolean> };
    const organization = event('ANNOTATION_CHANGED', subjects.organization);
    expect(await perPerson.decide(actor.federationRepresentative, organization)).toBe(true);
    expect(await perPerson.decide(actor.companyMember, organization)).toBe(false);
    const hidden = event('ANNOTATION_CHANGED', subjects.hiddenPublic);
    expect(await perPerson.decide(actor.companyMember, hidden)).toBe(false);
    expect(await perPerson.decide(actor.moderator, hidden)).toBe(true);
    expect(await perPerson.decide(actor.companyMember, event('CONTENT_HIDDEN', subjects.hiddenPublic))).toBe(true);
  });

  it("the web client's subscription is executed once per event for all its subscribers (the schema's fields only read the event)", () => {
    const { schema } = app.nest.get(GraphQLSchemaHost);
    const operation = readFileSync(join(__dirname, '../../apps/web/src/graphql/operations/live.graphql'), 'utf8');
    const key = (variableValues: Record<string, unknown>) =>
      shareKey({ schema, document: parse(operation), variableValues });
    expect(key({ documentId: 'd1', after: '12' })).not.toBeNull();
    expect(key({ documentId: 'd1', after: '12' })).toBe(key({ threadId: 't2', after: null }));
  });
});
