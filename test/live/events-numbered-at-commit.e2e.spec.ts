import { randomUUID } from 'node:crypto';
import { Client, type Notification } from 'pg';
import { migrate } from '@majlis/api';
import { EVENTS_CHANNEL, eventFromRow, writeRecordingEvent, type DomainEvent } from '@majlis/kernel';
import { scratchDatabase } from '../support/scratch-database';

/**
 * Events are numbered in commit order (migration NumberEventsAtCommit): a transaction that records first but commits
 * last gets the later `seq`, so a reader resuming after the last `seq` it saw never skips an event committed later.
 * The notification carries the final number and the commit's time, and comes only on commit.
 */
describe('events numbered at commit', () => {
  const scratch = scratchDatabase();
  const clients: Client[] = [];
  const received: DomainEvent[] = [];

  const connect = async () => {
    const client = new Client({ connectionString: scratch.url });
    await client.connect();
    clients.push(client);
    return client;
  };
  /** Records a THREAD_CHANGED event about `subjectId` in `client`'s current transaction, the kernel's way. */
  const record = (client: Client, subjectId: string) =>
    writeRecordingEvent(
      { query: async <T>(sql: string, params?: unknown[]) => (await client.query(sql, params)).rows as T },
      { sql: 'SELECT $1::uuid AS id', params: [subjectId] },
      { type: 'THREAD_CHANGED', subjectType: 'THREAD' },
    );
  const committed = async (reader: Client, after = 0) =>
    (
      await reader.query(`SELECT seq, subject_id, created_at FROM events WHERE seq > $1 ORDER BY seq`, [after])
    ).rows.map((row) => ({
      seq: Number(row.seq),
      subjectId: row.subject_id as string,
      createdAt: row.created_at as Date,
    }));
  const notified = async (count: number) => {
    for (let waited = 0; received.length < count && waited < 5_000; waited += 20)
      await new Promise((resolve) => setTimeout(resolve, 20));
    return received.map((event) => ({ seq: event.seq, subjectId: event.subjectId }));
  };

  let listener: Client;

  beforeAll(async () => {
    await scratch.create();
    await migrate(scratch.url);
    listener = await connect();
    listener.on('notification', (message: Notification) =>
      received.push(eventFromRow(JSON.parse(message.payload ?? '{}'))),
    );
    await listener.query(`LISTEN ${EVENTS_CHANNEL}`);
  });
  afterAll(async () => {
    await Promise.all(clients.map((client) => client.end()));
    await scratch.drop();
  });
  beforeEach(() => {
    received.length = 0;
  });

  it('gives the transaction that commits last the later seq, whatever the order of recording', async () => {
    const [early, late, reader] = [await connect(), await connect(), await connect()];
    const [recordedFirst, recordedSecond] = [randomUUID(), randomUUID()];
    await early.query('BEGIN');
    await record(early, recordedFirst);
    await late.query('BEGIN');
    await record(late, recordedSecond);
    // Not blocked: nothing is locked while recording, only inside each commit.
    await late.query('COMMIT');

    const seen = await committed(reader);
    expect(seen.map((event) => event.subjectId)).toEqual([recordedSecond]);
    const lastSeen = seen[0].seq;

    await early.query('COMMIT');
    const after = await committed(reader, lastSeen);
    // A reader resuming after the last seq it saw gets the event committed later.
    expect(after.map((event) => event.subjectId)).toEqual([recordedFirst]);
    expect(after[0].seq).toBeGreaterThan(lastSeen);
    expect(after[0].createdAt.getTime()).toBeGreaterThanOrEqual(seen[0].createdAt.getTime());
    expect(await notified(2)).toEqual([
      { seq: lastSeen, subjectId: recordedSecond },
      { seq: after[0].seq, subjectId: recordedFirst },
    ]);
  });

  it("numbers a transaction's events in the order it recorded them, and notifies or enqueues nothing for a rollback", async () => {
    const [writer, reader] = [await connect(), await connect()];
    const before = (await committed(reader)).at(-1)?.seq ?? 0;
    const fanoutJobs = async () =>
      (await reader.query(`SELECT revision FROM graphile_worker.jobs WHERE key = 'notifications.fanout'`)).rows;
    await reader.query(`SELECT graphile_worker.remove_job('notifications.fanout')`);
    const rolledBack = randomUUID();
    await writer.query('BEGIN');
    await record(writer, rolledBack);
    await writer.query('ROLLBACK');
    expect(await fanoutJobs()).toEqual([]);

    const [first, second] = [randomUUID(), randomUUID()];
    await writer.query('BEGIN');
    await record(writer, first);
    await record(writer, second);
    await writer.query('COMMIT');
    // The notifications' fan-out job is enqueued once for the transaction, at its commit.
    expect(await fanoutJobs()).toEqual([{ revision: 0 }]);
    // A single statement outside any transaction commits on its own, and is numbered the same way.
    const alone = randomUUID();
    await record(writer, alone);

    const seen = await committed(reader, before);
    expect(seen.map((event) => event.subjectId)).toEqual([first, second, alone]);
    expect(await notified(3)).toEqual(seen.map(({ seq, subjectId }) => ({ seq, subjectId })));
  });

  it('keeps concurrent writers in commit order: every notification is numbered above the previous one', async () => {
    const writers = await Promise.all(Array.from({ length: 6 }, () => connect()));
    const reader = await connect();
    const before = (await committed(reader)).at(-1)?.seq ?? 0;
    await Promise.all(
      writers.map(async (writer) => {
        for (let i = 0; i < 10; i++) {
          await writer.query('BEGIN');
          await record(writer, randomUUID());
          await record(writer, randomUUID());
          await writer.query('COMMIT');
        }
      }),
    );
    const seqs = (await notified(120)).map((event) => event.seq);
    expect(seqs).toHaveLength(120);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(seqs).toEqual((await committed(reader, before)).map((event) => event.seq));
  });
});
