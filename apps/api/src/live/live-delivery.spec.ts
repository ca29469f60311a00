import {
  GraphQLBoolean,
  GraphQLID,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLSchema,
  GraphQLString,
  parse,
} from 'graphql';
import type { WebSocket } from 'ws';
import type { Actor, DomainEvent } from '@majlis/kernel';
import type { EventBus } from './event-bus';
import type { LiveAccess } from './live-access';
import { DirectSubscription, LiveWrites } from './live-delivery';
import { subscribeSharingResults } from './live-execution';
import type { LiveFanout } from './live-fanout';
import { LiveStream } from './live-stream';

/** A socket that records what is written to it, and how (ws's `_socket` is the net.Socket it corks). */
function fakeSocket() {
  const log: string[] = [];
  const socket = {
    OPEN: 1,
    readyState: 1,
    send: (text: string) => void log.push(text),
    _socket: { cork: () => void log.push('cork'), uncork: () => void log.push('uncork') },
  };
  return { socket: socket as unknown as WebSocket, log };
}

const actor: Actor = { userId: 'u1', platformRole: 'MEMBER', memberships: [] };
let seq = 0;
const event = (subjectId: string): DomainEvent => ({
  seq: ++seq,
  type: 'ANNOTATION_CREATED',
  subjectType: 'ANNOTATION',
  subjectId,
  parentType: null,
  parentId: null,
  documentId: 'd1',
  spaceId: null,
  threadId: null,
  consultationId: null,
  actorId: null,
  createdAt: '2026-12-01T10:00:00.000Z',
});

/** A schema whose `liveEvents` streams LiveStreams (as the API's resolver does), counting its executions. */
function liveSchema() {
  const streams: LiveStream[] = [];
  const counts = { resolved: 0 };
  const fanout = { join: () => () => undefined } as unknown as LiveFanout;
  const LiveEvent = new GraphQLObjectType({
    name: 'LiveEvent',
    fields: {
      seq: { type: new GraphQLNonNull(GraphQLString) },
      type: { type: new GraphQLNonNull(GraphQLString) },
      subjectId: { type: new GraphQLNonNull(GraphQLID) },
    },
  });
  const schema = new GraphQLSchema({
    query: new GraphQLObjectType({ name: 'Query', fields: { ok: { type: GraphQLBoolean } } }),
    subscription: new GraphQLObjectType({
      name: 'Subscription',
      fields: {
        liveEvents: {
          type: LiveEvent,
          args: { documentId: { type: GraphQLID } },
          subscribe: () => {
            const stream = new LiveStream(
              {} as EventBus,
              fanout,
              {} as LiveAccess,
              { documentId: 'd1' },
              () => actor,
              null,
            );
            streams.push(stream);
            return stream;
          },
          resolve: (source: DomainEvent) => {
            counts.resolved++;
            return { ...source, seq: String(source.seq) };
          },
        },
      },
    }),
  });
  return { schema, streams, counts };
}

const format = (formatted: { message: string }) => ({ ...formatted, message: `formatted: ${formatted.message}` });
const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('live messages written straight to the sockets', () => {
  it("sends graphql-ws's next message, serialised once per event and operation, each under its own id", async () => {
    const { schema, streams, counts } = liveSchema();
    const { socket, log } = fakeSocket();
    const writer = new LiveWrites(0).writer(socket);
    const subscribe = async (query: string, id: string) => {
      const subscription = await subscribeSharingResults({ schema, document: parse(query), variableValues: {} });
      expect(subscription).toBeInstanceOf(DirectSubscription);
      (subscription as DirectSubscription).attach(writer, id, format);
      return subscription as DirectSubscription;
    };
    const narrow = `subscription { liveEvents(documentId: "d1") { subjectId } }`;
    await subscribe(narrow, 'one');
    await subscribe(narrow, 'two');
    await subscribe(`subscription { liveEvents(documentId: "d1") { seq type } }`, 'three');

    const first = event('a1');
    for (const stream of streams) stream.offer(first);
    expect(log).toEqual([]); // written at the end of the turn, together
    await settle();
    expect(log).toEqual([
      'cork',
      '{"id":"one","type":"next","payload":{"data":{"liveEvents":{"subjectId":"a1"}}}}',
      '{"id":"two","type":"next","payload":{"data":{"liveEvents":{"subjectId":"a1"}}}}',
      `{"id":"three","type":"next","payload":{"data":{"liveEvents":{"seq":"${first.seq}","type":"ANNOTATION_CREATED"}}}}`,
      'uncork',
    ]);
    for (const text of log.slice(1, 4)) expect(JSON.parse(text)).toEqual(expect.objectContaining({ type: 'next' }));
    // Two operations, one execution each; the two subscribers of the same operation shared theirs.
    expect(counts.resolved).toBe(2);
  });

  it('writes a socket once per turn with every message of the turn, in order, and nothing for an ended subscription', async () => {
    const { schema, streams } = liveSchema();
    const { socket, log } = fakeSocket();
    const writer = new LiveWrites(0).writer(socket);
    const subscriptions: DirectSubscription[] = [];
    for (const id of ['1', '2']) {
      const subscription = (await subscribeSharingResults({
        schema,
        document: parse(`subscription { liveEvents { subjectId } }`),
      })) as DirectSubscription;
      subscription.attach(writer, id, format);
      subscriptions.push(subscription);
    }
    streams[0].offer(event('a'));
    streams[1].offer(event('b'));
    streams[0].offer(event('c'));
    await subscriptions[1].return(); // the client's complete: what is queued for it is not sent
    await settle();
    expect(log.map((line) => (line.startsWith('{') ? JSON.parse(line) : line))).toEqual([
      'cork',
      { id: '1', type: 'next', payload: { data: { liveEvents: { subjectId: 'a' } } } },
      { id: '1', type: 'next', payload: { data: { liveEvents: { subjectId: 'c' } } } },
      'uncork',
    ]);
    expect(await subscriptions[1].next()).toEqual({ value: undefined, done: true });
    streams[1].offer(event('d'));
    await settle();
    expect(log).toHaveLength(4);
  });

  it('writes at most once per interval, carrying every message of the interval', async () => {
    jest.useFakeTimers();
    try {
      const { schema, streams } = liveSchema();
      const { socket, log } = fakeSocket();
      const writer = new LiveWrites(40).writer(socket);
      const subscription = (await subscribeSharingResults({
        schema,
        document: parse(`subscription { liveEvents { subjectId } }`),
      })) as DirectSubscription;
      subscription.attach(writer, '1', format);
      const sent = () =>
        log.filter((line) => line.startsWith('{')).map((line) => JSON.parse(line).payload.data.liveEvents);
      streams[0].offer(event('a'));
      jest.advanceTimersByTime(0); // after a quiet spell: at the end of the turn
      expect(sent()).toEqual([{ subjectId: 'a' }]);
      streams[0].offer(event('b'));
      jest.advanceTimersByTime(10);
      streams[0].offer(event('c'));
      jest.advanceTimersByTime(10);
      expect(sent()).toHaveLength(1); // within the interval: waiting
      jest.advanceTimersByTime(20);
      expect(sent()).toEqual([{ subjectId: 'a' }, { subjectId: 'b' }, { subjectId: 'c' }]);
      expect(log.filter((line) => line === 'cork')).toHaveLength(2);
    } finally {
      jest.useRealTimers();
    }
  });

  it("ends with the stream's failure after what was queued before it", async () => {
    const { schema, streams } = liveSchema();
    const { socket, log } = fakeSocket();
    const writer = new LiveWrites(0).writer(socket);
    const subscription = (await subscribeSharingResults({
      schema,
      document: parse(`subscription { liveEvents { subjectId } }`),
    })) as DirectSubscription;
    subscription.attach(writer, '1', format);
    streams[0].offer(event('a'));
    const ended = subscription.next();
    streams[0].fail(new Error('RESYNC_REQUIRED'));
    // graphql-ws sends the error after this rejection: the queued message is on the socket before it.
    await expect(ended).rejects.toThrow('RESYNC_REQUIRED');
    expect(log).toEqual([
      'cork',
      '{"id":"1","type":"next","payload":{"data":{"liveEvents":{"subjectId":"a"}}}}',
      'uncork',
    ]);
  });

  it('maps events to results as graphql-js does when no socket takes it (another transport)', async () => {
    const { schema, streams } = liveSchema();
    const subscription = (await subscribeSharingResults({
      schema,
      document: parse(`subscription { liveEvents { subjectId } }`),
    })) as DirectSubscription;
    streams[0].offer(event('a'));
    expect(await subscription.next()).toEqual({ value: { data: { liveEvents: { subjectId: 'a' } } }, done: false });
    await subscription.return();
    expect(await subscription.next()).toEqual({ value: undefined, done: true });
  });
});
