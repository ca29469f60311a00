import { Client } from 'pg';
import { PLANNED_PER_RUN, StatementNames, isStalePlan } from '@majlis/kernel';

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
 * A prepared statement whose result columns changed under it (a migration applied by another instance during a rolling
 * upgrade adds a column under a `SELECT *` or `RETURNING *`) fails with "cached plan must not change result type";
 * that connection then parses the text again under a new name (its `stalePlans`), and the statement is run once
 * more when it ran on its own (no transaction was open, so its failure changed nothing). Inside a transaction the
 * error stands (the transaction is aborted; the client is told the service is busy, kernel databaseUnavailability);
 * the retried transaction finds the new name.
 */
export function preparingClient(names: StatementNames): typeof Client {
  class PreparingClient extends Client {
    /** How many times each statement's plan went stale on this connection: its name then ends in `~<count>`. */
    readonly stalePlans = new Map<string, number>();
  }
  // pg's own query, looked up at each call (so that instrumentation of Client.prototype still sees every statement).
  const plainQuery = (): ((...args: unknown[]) => unknown) => Client.prototype.query as (...args: unknown[]) => unknown;
  PreparingClient.prototype.query = function preparedQuery(
    this: PreparingClient,
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
      if (name !== null) {
        const result = runPrepared(this, name, config, values);
        if (!callback) return result;
        result.then(
          (answer) => callback(null, answer),
          (error: Error) => callback(error),
        );
        return undefined;
      }
    }
    return plainQuery().call(this, config, values, callback);
  } as Client['query'];
  return PreparingClient;

  /** Runs a named statement; a stale plan renames it on this connection and, if it ran on its own, runs it again. */
  function runPrepared(client: PreparingClient, name: string, text: string, values: unknown[]): Promise<unknown> {
    const alone = client.getTransactionStatus() === 'I';
    const run = () => {
      const renewals = client.stalePlans.get(name) ?? 0;
      const current = renewals === 0 ? name : `${name}~${renewals}`;
      return plainQuery().call(client, { name: current, text, values }) as Promise<unknown>;
    };
    return run().catch((error: unknown) => {
      if (!isStalePlan(error)) throw error;
      client.stalePlans.set(name, (client.stalePlans.get(name) ?? 0) + 1);
      if (!alone) throw error;
      return run();
    });
  }
}

/** The API's one registry: the requests' pool and the live checks' pool prepare the same hot texts. */
export const API_STATEMENT_NAMES = new StatementNames(HOT_AFTER_RUNS, MAX_PREPARED_STATEMENTS);
export const PreparingClient = preparingClient(API_STATEMENT_NAMES);
