import { Client } from 'pg';
import { PLANNED_PER_RUN, StatementNames } from '@majlis/kernel';

/**
 * The app's hot statements (kernel StatementNames): a text with parameters is prepared once it has run this many
 * times in the process (PostgreSQL plans the first 5 anyway). Unnamed, such a statement is parsed, analysed and
 * planned on every run (issue 15: on the thread list that was most of PostgreSQL's CPU per request).
 */
export const HOT_AFTER_RUNS = 5;
/**
 * At most this many statement texts are prepared: also the most a connection keeps. Each costs its connection memory:
 * 330 KB for the thread page (its parse tree, source and generic plan), tens of KB for a small statement.
 */
export const MAX_PREPARED_STATEMENTS = 100;

type QueryCallback = (error: Error | null, result?: unknown) => void;

/**
 * A pg Client class (for a Pool's `Client` option) that runs a statement with parameters under the name `names`
 * gives it, if any: pg then sends Parse once per connection and Bind/Execute after. Statements without parameters
 * (transaction control, DDL, several statements in one text), those that start with kernel PLANNED_PER_RUN (planned
 * for their values on every run: search) and calls that name their statement or pass a query object (streams,
 * cursors) are left as they are.
 *
 * Caveat of any prepared statement: one whose result columns change (ALTER TABLE under a `SELECT *`) fails on that
 * connection; the app's schema changes only through migrations, before it serves.
 */
export function preparingClient(names: StatementNames): typeof Client {
  class PreparingClient extends Client {}
  // pg's own query, looked up at each call (so that instrumentation of Client.prototype still sees every statement).
  const plainQuery = (): ((...args: unknown[]) => unknown) => Client.prototype.query as (...args: unknown[]) => unknown;
  PreparingClient.prototype.query = function preparedQuery(
    this: Client,
    config: unknown,
    values?: unknown,
    callback?: QueryCallback,
  ): unknown {
    if (
      typeof config === 'string' &&
      Array.isArray(values) &&
      values.length > 0 &&
      !config.startsWith(PLANNED_PER_RUN)
    ) {
      const name = names.nameFor(config);
      if (name !== null) return plainQuery().call(this, { name, text: config, values }, callback);
    }
    return plainQuery().call(this, config, values, callback);
  } as Client['query'];
  return PreparingClient;
}

/** The API's one registry: the requests' pool and the live checks' pool prepare the same hot texts. */
export const API_STATEMENT_NAMES = new StatementNames(HOT_AFTER_RUNS, MAX_PREPARED_STATEMENTS);
export const PreparingClient = preparingClient(API_STATEMENT_NAMES);
