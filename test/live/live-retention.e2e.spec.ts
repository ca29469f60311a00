import { EVENT_RETENTION_DAYS } from '@majlis/kernel';
import { EventRetention, JobRunner } from '@majlis/notifications';
import { ACCOUNTS } from '../support/demo-accounts';
import { SAMPLE_V1, annotatePassage, openDocument, plainTextOf } from '../support/documents';
import { LiveSubscriber } from '../support/live-client';
import { TestApp, startTestApp } from '../support/test-app';

/**
 * The retention of `events`: the daily job deletes events older than EVENT_RETENTION_DAYS once notifications have
 * consumed them, and a live subscriber resuming after a pruned `seq` is told RESYNC_REQUIRED (its client reads
 * everything again), while one resuming within the window catches up as before.
 */
describe('events retention', () => {
  let app: TestApp;
  let moderator: string;
  let member: string;
  let documentId: string;
  let text: string;
  const subscribers: LiveSubscriber[] = [];

  const annotate = async (passage: string): Promise<number> => {
    const { id } = await annotatePassage(app, member, { documentId, text }, passage);
    const { rows } = await app.db.query(`SELECT max(seq) AS seq FROM events WHERE subject_id = $1`, [id]);
    return Number(rows[0].seq);
  };
  const age = (seqs: number[], days: number) =>
    app.db.query(`UPDATE events SET created_at = now() - make_interval(days => $2) WHERE seq = ANY($1::bigint[])`, [
      seqs,
      days,
    ]);
  const remaining = async (seqs: number[]) =>
    (await app.db.query(`SELECT seq FROM events WHERE seq = ANY($1::bigint[]) ORDER BY seq`, [seqs])).rows.map((row) =>
      Number(row.seq),
    );

  beforeAll(async () => {
    app = await startTestApp();
    moderator = (await app.signIn(ACCOUNTS.moderator)).accessToken;
    member = (await app.signIn(ACCOUNTS.federationMember)).accessToken;
    documentId = await openDocument(app, moderator, SAMPLE_V1);
    text = await plainTextOf(app, member, documentId, 1);
  });
  afterAll(async () => {
    for (const subscriber of subscribers) await subscriber.close();
    await app?.close();
  });

  it('prunes what is older than the window and consumed by notifications, and records how far', async () => {
    const [first, second, third] = [
      await annotate('Article 2'),
      await annotate('Article 3'),
      await annotate('Article 4'),
    ];
    await app.nest.get(JobRunner).runDueJobs(); // notifications consume the events
    await age([first, second], EVENT_RETENTION_DAYS + 1);
    await age([third], EVENT_RETENTION_DAYS - 1);

    expect(await app.nest.get(EventRetention).prune()).toBeGreaterThanOrEqual(2);
    expect(await remaining([first, second, third])).toEqual([third]);
    const { rows } = await app.db.query(`SELECT pruned_through FROM events_retention`);
    expect(Number(rows[0].pruned_through)).toBeGreaterThanOrEqual(second);

    // An old event the notifications have not consumed yet stays until they have.
    const fourth = await annotate('Article 5');
    await age([fourth], EVENT_RETENTION_DAYS + 1);
    await app.db.query(`UPDATE notification_fanout_cursor SET last_seq = $1`, [third]);
    await app.nest.get(EventRetention).prune();
    expect(await remaining([fourth])).toEqual([fourth]);
    await app.nest.get(JobRunner).runDueJobs();
  });

  it('answers RESYNC_REQUIRED to a subscriber resuming after a pruned seq; within the window it catches up', async () => {
    const { rows } = await app.db.query(`SELECT pruned_through FROM events_retention`);
    const prunedThrough = Number(rows[0].pruned_through);
    const late = new LiveSubscriber(app, member, { documentId, after: String(prunedThrough - 1) });
    subscribers.push(late);
    await late.until((s) => s.errors.length > 0);
    expect(late.events).toEqual([]);
    // graphql-ws hands the subscription's errors over as one list.
    expect(late.errors.flat()).toEqual([
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'RESYNC_REQUIRED' }) }),
    ]);

    const kept = new LiveSubscriber(app, member, { documentId, after: String(prunedThrough) });
    subscribers.push(kept);
    const next = await annotate('Article 6');
    await kept.until((s) => s.events.some((event) => Number(event.seq) === next));
    expect(kept.errors).toEqual([]);
    expect(kept.events.every((event) => Number(event.seq) > prunedThrough)).toBe(true);
  });
});
