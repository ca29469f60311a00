import {
  DocumentNode,
  ExecutionArgs,
  ExecutionResult,
  GraphQLNamedType,
  GraphQLSchema,
  Kind,
  Source,
  OperationDefinitionNode,
  createSourceEventStream,
  execute,
  getNamedType,
  getOperationAST,
  isInterfaceType,
  isObjectType,
  isUnionType,
  parse,
  print,
  subscribe,
  validate,
  visit,
} from 'graphql';
import type { GraphQLError } from 'graphql';
import { DirectSubscription } from './live-delivery';
import { LiveStream } from './live-stream';

/**
 * Subscription fields whose `resolve` maps the event alone (not the subscriber, its context or its arguments) to
 * the value sent: what they send is the same for every subscriber of an event with the same operation.
 */
const SHARED_PER_EVENT = new Set(['liveEvents']);

type Result = ExecutionResult | Promise<ExecutionResult>;

/** The results executed per event (the very object every stream of the instance is handed) and operation. */
const executed = new WeakMap<object, Map<string, Result>>();

/** How many distinct operations the live socket keeps parsed (clients send a handful, always the same). */
const PARSED_OPERATIONS = 100;
const parsed = new Map<string, DocumentNode>();

/**
 * graphql-ws's `parse`: an operation's text is parsed once and its document shared by every subscriber that sends
 * the same text (graphql-js never changes a document), so a thousand sockets hold one syntax tree, not a thousand.
 * The most recently used PARSED_OPERATIONS are kept; parse errors are thrown as graphql-js throws them.
 */
export function parseOnce(input: string | Source): DocumentNode {
  if (typeof input !== 'string') return parse(input);
  const source = input;
  let document = parsed.get(source);
  if (document) {
    parsed.delete(source); // most recently used last
  } else {
    document = parse(source);
    if (parsed.size >= PARSED_OPERATIONS) parsed.delete(parsed.keys().next().value as string);
  }
  parsed.set(source, document);
  return document;
}

/** graphql-ws's `validate`: a shared document is validated once per schema (the answer cannot change). */
const validated = new WeakMap<GraphQLSchema, WeakMap<DocumentNode, readonly GraphQLError[]>>();
export function validateOnce(schema: GraphQLSchema, document: DocumentNode): readonly GraphQLError[] {
  let bySchema = validated.get(schema);
  if (!bySchema) validated.set(schema, (bySchema = new WeakMap()));
  let errors = bySchema.get(document);
  if (!errors) bySchema.set(document, (errors = validate(schema, document)));
  return errors;
}

/** The text of a (shared) document, printed once. */
const printed = new WeakMap<DocumentNode, string>();
function printOnce(document: DocumentNode): string {
  let text = printed.get(document);
  if (text === undefined) printed.set(document, (text = print(document)));
  return text;
}

/**
 * graphql-ws's `subscribe`, as graphql-js's except that each event's result is executed once per operation for all
 * of an instance's subscribers, instead of once per subscriber: a thousand sockets on one document's events cost one
 * execution of the selection set per event, not a thousand. The subscription's own resolver (its `subscribe`: the
 * arguments, the access to its scope, the stream of events this subscriber may receive) still runs per subscriber.
 * Shared only when nothing in the result can depend on the subscriber (see `shareKey`); otherwise as graphql-js.
 */
export async function subscribeSharingResults(
  args: ExecutionArgs,
): Promise<AsyncIterableIterator<ExecutionResult> | ExecutionResult> {
  const key = shareKey(args);
  if (key === null) return subscribe(args);
  const source = await createSourceEventStream(args);
  if (!isAsyncIterable(source)) return source;
  const mapped = () =>
    mapEvents(source[Symbol.asyncIterator](), (event) => {
      if (typeof event !== 'object' || event === null) return execute({ ...args, rootValue: event });
      let byOperation = executed.get(event);
      if (!byOperation) executed.set(event, (byOperation = new Map()));
      let result = byOperation.get(key);
      if (!result) byOperation.set(key, (result = execute({ ...args, rootValue: event })));
      return result;
    });
  // A live stream on a live socket: its messages are serialised once per event and written directly (live-delivery.ts).
  return source instanceof LiveStream ? new DirectSubscription(source, args, key, mapped) : mapped();
}

/**
 * What makes two subscribers' results of one event equal: the operation's text and the values of the variables it
 * uses below the subscription field (its own arguments only choose the stream). Null when the result could differ
 * between subscribers: a field not known to resolve from the event alone, or a type below it with a resolver of its
 * own (which could read the context).
 */
export function shareKey(args: ExecutionArgs): string | null {
  const operation = getOperationAST(args.document, args.operationName);
  if (!operation || operation.operation !== 'subscription') return null;
  const [root, ...others] = operation.selectionSet.selections;
  if (!root || others.length > 0 || root.kind !== Kind.FIELD || !SHARED_PER_EVENT.has(root.name.value)) return null;
  const field = args.schema.getSubscriptionType()?.getFields()[root.name.value];
  if (!field || !resolvesByDefault(args.schema, getNamedType(field.type))) return null;
  const used = variablesBelowRoot(args, operation);
  const values = args.variableValues ?? {};
  return JSON.stringify([
    printOnce(args.document),
    args.operationName ?? null,
    used.map((name) => values[name] ?? null),
  ]);
}

/** Whether every field reachable from this type uses the default resolver (reads its parent's property). */
const byDefault = new WeakMap<GraphQLSchema, Map<string, boolean>>();
function resolvesByDefault(schema: GraphQLSchema, type: GraphQLNamedType): boolean {
  let known = byDefault.get(schema);
  if (!known) byDefault.set(schema, (known = new Map()));
  const cached = known.get(type.name);
  if (cached !== undefined) return cached;
  known.set(type.name, true); // a cycle back to this type adds nothing new
  let result = true;
  if (isObjectType(type) || isInterfaceType(type)) {
    for (const field of Object.values(type.getFields())) {
      if (!readsProperty(field.resolve) || !resolvesByDefault(schema, getNamedType(field.type))) {
        result = false;
        break;
      }
    }
  } else if (isUnionType(type)) {
    result = type.getTypes().every((member) => resolvesByDefault(schema, member));
  }
  if (isInterfaceType(type) || isUnionType(type)) result = result && !type.resolveType;
  known.set(type.name, result);
  return result;
}

/**
 * A resolver that only reads its parent's property: graphql-js's default (none), or @nestjs/graphql's for a plain
 * `@Field` (`rootFieldResolver`; a `@ResolveField` or field middleware gives another function). Anything else is
 * taken as possibly reading the context, so the result is not shared (slower, never wrong).
 */
function readsProperty(resolve: unknown): boolean {
  return resolve === undefined || (typeof resolve === 'function' && resolve.name === 'rootFieldResolver');
}

/** The variables used below the subscription field and in the operation's fragments and directives. */
function variablesBelowRoot(args: ExecutionArgs, operation: OperationDefinitionNode): string[] {
  const names = new Set<string>();
  const collect = { Variable: (node: { name: { value: string } }) => void names.add(node.name.value) };
  for (const selection of operation.selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      if (selection.selectionSet) visit(selection.selectionSet, collect);
      for (const directive of selection.directives ?? []) visit(directive, collect);
    } else visit(selection, collect);
  }
  for (const directive of operation.directives ?? []) visit(directive, collect);
  for (const definition of args.document.definitions)
    if (definition.kind === Kind.FRAGMENT_DEFINITION) visit(definition, collect);
  return [...names].sort();
}

function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
  return typeof (value as AsyncIterable<unknown>)?.[Symbol.asyncIterator] === 'function';
}

/** The source's events mapped to results, closing the source when the iterator is closed (as graphql-js does). */
function mapEvents(
  source: AsyncIterator<unknown>,
  map: (event: unknown) => Result,
): AsyncIterableIterator<ExecutionResult> {
  const close = async () => {
    await source.return?.();
  };
  return {
    async next() {
      const step = await source.next();
      if (step.done) return { value: undefined, done: true };
      try {
        return { value: await map(step.value), done: false };
      } catch (error) {
        await close().catch(() => undefined);
        throw error;
      }
    },
    async return() {
      await close();
      return { value: undefined, done: true };
    },
    async throw(error?: unknown) {
      await close();
      throw error;
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
