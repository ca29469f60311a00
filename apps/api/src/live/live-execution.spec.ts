import {
  ExecutionResult,
  GraphQLBoolean,
  GraphQLID,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLSchema,
  GraphQLString,
  parse,
} from 'graphql';
import { parseOnce, shareKey, subscribeSharingResults, validateOnce } from './live-execution';

interface Event {
  readonly id: string;
}

/** A stream of given events, as a subscription resolver returns (each subscriber gets its own). */
function streamOf(events: Event[]): AsyncIterableIterator<Event> {
  const queue = [...events];
  return {
    next: async () => (queue.length ? { value: queue.shift()!, done: false } : { value: undefined, done: true }),
    return: async () => ({ value: undefined, done: true }),
    throw: async (error) => Promise.reject(error),
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}

function schemaWith(events: Event[], counts: { resolved: number }, perViewerField = false) {
  const LiveEvent = new GraphQLObjectType({
    name: 'LiveEvent',
    fields: {
      id: { type: new GraphQLNonNull(GraphQLID) },
      ...(perViewerField
        ? { viewer: { type: GraphQLString, resolve: (_event, _args, context: { viewer: string }) => context.viewer } }
        : {}),
    },
  });
  return new GraphQLSchema({
    query: new GraphQLObjectType({ name: 'Query', fields: { ok: { type: GraphQLBoolean } } }),
    subscription: new GraphQLObjectType({
      name: 'Subscription',
      fields: {
        liveEvents: {
          type: LiveEvent,
          args: { documentId: { type: GraphQLID }, after: { type: GraphQLString } },
          subscribe: () => streamOf(events),
          resolve: (event: Event) => {
            counts.resolved++;
            return event;
          },
        },
      },
    }),
  });
}

async function all(iterator: AsyncIterableIterator<ExecutionResult> | ExecutionResult): Promise<ExecutionResult[]> {
  const results: ExecutionResult[] = [];
  for await (const result of iterator as AsyncIterableIterator<ExecutionResult>) results.push(result);
  return results;
}

const OPERATION = `subscription($documentId: ID, $after: String) { liveEvents(documentId: $documentId, after: $after) { id } }`;

describe('live results executed once per event for all subscribers', () => {
  it('executes each event once for many subscribers with the same operation, whatever their own arguments', async () => {
    const events = [{ id: 'a' }, { id: 'b' }];
    const counts = { resolved: 0 };
    const schema = schemaWith(events, counts);
    const subscribers = await Promise.all(
      ['1', '2', '3'].map((after) =>
        subscribeSharingResults({ schema, document: parse(OPERATION), variableValues: { documentId: 'd', after } }),
      ),
    );
    const received = await Promise.all(subscribers.map(all));
    for (const results of received)
      expect(results.map((r) => r.data)).toEqual([{ liveEvents: { id: 'a' } }, { liveEvents: { id: 'b' } }]);
    expect(counts.resolved).toBe(2);
  });

  it('executes per subscriber when a field may depend on the subscriber', async () => {
    const events = [{ id: 'a' }];
    const counts = { resolved: 0 };
    const schema = schemaWith(events, counts, true);
    const document = parse(`subscription { liveEvents { id viewer } }`);
    expect(shareKey({ schema, document })).toBeNull();
    const received = await Promise.all(
      ['Amina', 'Youssef'].map(async (viewer) =>
        all(await subscribeSharingResults({ schema, document, contextValue: { viewer } })),
      ),
    );
    expect(received.map((results) => results[0].data)).toEqual([
      { liveEvents: { id: 'a', viewer: 'Amina' } },
      { liveEvents: { id: 'a', viewer: 'Youssef' } },
    ]);
    expect(counts.resolved).toBe(2);
  });

  it('tells apart operations whose variables below the subscription field differ', () => {
    const schema = schemaWith([], { resolved: 0 });
    const document = parse(
      `subscription($documentId: ID, $withId: Boolean!) { liveEvents(documentId: $documentId) { id @include(if: $withId) } }`,
    );
    const key = (variableValues: Record<string, unknown>) => shareKey({ schema, document, variableValues });
    expect(key({ documentId: 'd1', withId: true })).toBe(key({ documentId: 'd2', withId: true }));
    expect(key({ documentId: 'd1', withId: true })).not.toBe(key({ documentId: 'd1', withId: false }));
    expect(shareKey({ schema, document: parse(`subscription { other: liveEvents { id } }`) })).not.toBeNull();
  });
});

describe('live operations parsed and validated once', () => {
  it('shares one document among subscribers sending the same text, and validates it once', () => {
    const schema = schemaWith([], { resolved: 0 });
    const first = parseOnce(OPERATION);
    expect(parseOnce(OPERATION)).toBe(first);
    expect(parseOnce(`${OPERATION} `)).not.toBe(first);
    expect(validateOnce(schema, first)).toEqual([]);
    expect(validateOnce(schema, first)).toBe(validateOnce(schema, first));
    const unknown = parseOnce(`subscription { liveEvents { nope } }`);
    expect(validateOnce(schema, unknown).map((error) => error.message)).toEqual([
      'Cannot query field "nope" on type "LiveEvent".',
    ]);
    expect(() => parseOnce('subscription {')).toThrow('Syntax Error');
  });
});
