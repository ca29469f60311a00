import type { Actor } from '@majlis/kernel';
import { ModeratedContentRegistry, ModerationPolicy, ModerationService } from '@majlis/moderation';
import { ACCOUNTS } from '../support/demo-accounts';
import { SAMPLE_V1, annotatePassage, openDocument, plainTextOf } from '../support/documents';
import { LiveSubscriber } from '../support/live-client';
import { LiveSuite, liveSuite } from '../support/live-suite';
import { TestApp, actorOf } from '../support/test-app';

type Account = keyof typeof ACCOUNTS;

const REPORT = `mutation($input: ReportContentInput!) { reportContent(input: $input) { reported } }`;
const CREATE_SPACE = `mutation($input: CreateSpaceInput!) { createSpace(input: $input) { space { id } } }`;
const CREATE_THREAD = `mutation($input: CreateThreadInput!) { createThread(input: $input) { thread { id } } }`;
const MODERATE = `mutation($input: ModerateContentInput!) { moderateContent(input: $input) { version } }`;

/**
 * The moderation queue live: reports and moderation actions record QUEUE_CHANGED in their transaction;
 * `liveEvents(moderationQueue: true)` is for moderators only (ModerationPolicy), and delivers each event to those
 * who moderate the content; the event reaches no other scope (readers of the document never learn of a report).
 */
describe('live moderation queue across instances', () => {
  let a: TestApp;
  let b: TestApp;
  let token: Record<Account, string>;
  let documentId: string;
  let text: string;

  let subscribe: LiveSuite['subscribe'];
  let lastSeq: LiveSuite['lastSeq'];
  let ok: LiveSuite['ok'];
  const annotate = async (account: Account, passage: string) =>
    (await annotatePassage(a, token[account], { documentId, text }, passage)).id;
  const queueEvents = (subscriber: LiveSubscriber) => subscriber.events.filter((e) => e.type === 'QUEUE_CHANGED');

  liveSuite((suite) => ({ a, b, token, subscribe, lastSeq, ok } = suite));
  beforeAll(async () => {
    documentId = await openDocument(a, token.moderator, SAMPLE_V1);
    text = await plainTextOf(a, token.companyMember, documentId, 1);
  });

  it('tells a moderator on another instance of a report and of a decision; a document reader learns nothing', async () => {
    const annotationId = await annotate('companyMember', 'Guichet unique');
    const from = await lastSeq();
    const moderator = subscribe(b, 'moderator', { moderationQueue: true, after: from });
    const reader = subscribe(b, 'federationRepresentative', { documentId, after: from });
    // FMO's representative moderates the spaces FMO owns (and FMO's internal content), not the document's annotations.
    const spaceOwner = subscribe(b, 'federationRepresentative', { moderationQueue: true, after: from });
    await Promise.all([moderator, reader, spaceOwner].map((s) => s.until((x) => x.connected)));

    await ok(a, 'federationMember', REPORT, {
      input: { contentType: 'ANNOTATION', contentId: annotationId, reason: 'ABUSIVE', explanation: 'Ton agressif' },
    });
    await moderator.until((s) => queueEvents(s).length === 1);
    expect(moderator.errors).toEqual([]);
    expect(queueEvents(moderator)).toEqual([
      expect.objectContaining({ subjectType: 'ANNOTATION', subjectId: annotationId, documentId: null, spaceId: null }),
    ]);

    // The reader's next event comes after the report's in seq order, on the same instance: had the report reached
    // the document's scope, it would have come first.
    const later = await annotate('companyRepresentative', 'Article 2');
    await reader.until((s) => s.received(later));
    expect(reader.events.some((event) => event.type === 'QUEUE_CHANGED')).toBe(false);

    // A decision, taken on B, changes the queue too.
    const [{ version }] = (
      await a.db.query(`SELECT version FROM content_moderation WHERE content_type = 'ANNOTATION' AND content_id = $1`, [
        annotationId,
      ])
    ).rows;
    await ok(b, 'moderator', MODERATE, {
      input: { contentType: 'ANNOTATION', contentId: annotationId, action: 'KEEP', reason: 'Examiné', version },
    });
    await moderator.until((s) => queueEvents(s).length === 2);
    expect(queueEvents(moderator).map((event) => event.subjectId)).toEqual([annotationId, annotationId]);

    // A report in a space FMO owns reaches its owner; the annotation's two events, earlier, did not.
    const fmo = (await a.db.query(`SELECT id FROM organizations WHERE acronym = 'FMO'`)).rows[0].id;
    const space = await ok<{ createSpace: { space: { id: string } } }>(a, 'federationRepresentative', CREATE_SPACE, {
      input: { name: 'Agora modérée', slug: 'agora-moderee-live', ownerOrganizationId: fmo, visibility: 'PUBLIC' },
    });
    const thread = await ok<{ createThread: { thread: { id: string } } }>(a, 'companyMember', CREATE_THREAD, {
      input: { spaceId: space.createSpace.space.id, title: 'Un fil', body: 'Texte' },
    });
    const threadId = thread.createThread.thread.id;
    await ok(a, 'companyRepresentative', REPORT, {
      input: { contentType: 'THREAD', contentId: threadId, reason: 'SPAM' },
    });
    await spaceOwner.until((s) => queueEvents(s).length > 0);
    expect(spaceOwner.errors).toEqual([]);
    expect(queueEvents(spaceOwner).map((event) => event.subjectId)).toEqual([threadId]);
    await moderator.until((s) => queueEvents(s).length === 3);
  });

  it("decides a report's watchers in one statement for everyone, as each one's moderated spaces say", async () => {
    const actors = new Map<string, Actor>();
    const idOf = {} as Record<Account, string>;
    for (const account of Object.keys(ACCOUNTS) as Account[]) {
      const actor = await actorOf(a, ACCOUNTS[account]);
      idOf[account] = actor.userId;
      actors.set(actor.userId, actor);
    }
    const fmo = (await a.db.query(`SELECT id FROM organizations WHERE acronym = 'FMO'`)).rows[0].id;
    const space = await ok<{ createSpace: { space: { id: string } } }>(a, 'federationRepresentative', CREATE_SPACE, {
      input: { name: 'Agora comptée', slug: 'agora-comptee-live', ownerOrganizationId: fmo, visibility: 'PUBLIC' },
    });
    const thread = await ok<{ createThread: { thread: { id: string } } }>(a, 'companyMember', CREATE_THREAD, {
      input: { spaceId: space.createSpace.space.id, title: 'Un autre fil', body: 'Texte' },
    });
    const threadId = thread.createThread.thread.id;
    await ok(a, 'companyRepresentative', REPORT, {
      input: { contentType: 'THREAD', contentId: threadId, reason: 'SPAM' },
    });

    const registry = a.nest.get(ModeratedContentRegistry);
    const [row] = (
      await a.db.query(
        `SELECT space_id, platform_moderated, moderating_organization_id FROM content_moderation
          WHERE content_type = 'THREAD' AND content_id = $1`,
        [threadId],
      )
    ).rows;
    const scope = {
      spaceId: row.space_id,
      platformModerated: row.platform_moderated,
      moderatingOrganizationId: row.moderating_organization_id,
    };
    const expected = new Set<string>();
    for (const [userId, actor] of actors)
      if (ModerationPolicy.canModerate(actor, scope, await registry.moderatedSpaces(actor))) expected.add(userId);

    const perPerson = jest.spyOn(registry, 'moderatedSpaces');
    const batched = jest.spyOn(registry, 'spaceModerators');
    try {
      const watchers = await a.nest.get(ModerationService).queueWatchers('THREAD', threadId, actors);
      expect(watchers).toEqual(expected);
      expect(perPerson).not.toHaveBeenCalled();
      expect(batched).toHaveBeenCalledTimes(1);
    } finally {
      perPerson.mockRestore();
      batched.mockRestore();
    }
    // Not trivial: FMO's representative (its owner's) and the platform moderator watch it; Atlas's member does not.
    expect(expected.has(idOf.federationRepresentative)).toBe(true);
    expect(expected.has(idOf.moderator)).toBe(true);
    expect(expected.has(idOf.companyMember)).toBe(false);
  });

  it('refuses the queue to someone who moderates nothing, as the queue query does', async () => {
    const member = subscribe(a, 'companyMember', { moderationQueue: true });
    await member.until((s) => s.errors.length > 0);
    expect(member.events).toEqual([]);
    expect(member.errors.flat()).toEqual([
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'FORBIDDEN' }) }),
    ]);
  });
});
