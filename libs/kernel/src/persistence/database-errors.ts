/** PostgreSQL's SQLSTATE for a unique-constraint violation, and how to recognise it on a driver error. */
const UNIQUE_VIOLATION = '23505';

export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const driverError = (error as { driverError?: { code?: string; constraint?: string } })?.driverError ?? error;
  const { code, constraint: violated } = (driverError ?? {}) as { code?: string; constraint?: string };
  return code === UNIQUE_VIOLATION && (constraint === undefined || violated === constraint);
}

/** Socket errors of a database that cannot be reached. */
const UNREACHABLE = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
  'EAI_AGAIN',
]);
/**
 * SQLSTATEs of a server going away or refusing work: class 08 (connection exceptions), 57P01 admin shutdown,
 * 57P02 crash shutdown, 57P03 cannot connect now (starting up / shutting down), 53300 too many connections.
 */
const UNAVAILABLE_SQLSTATE = /^(08...|57P0[1-3]|53300)$/;
/** What pg and pg-pool say when a connection is lost (they carry no code). */
const UNAVAILABLE_MESSAGE =
  /Connection terminated|Client has encountered a connection error|Connection is not queryable|the database system is (starting up|shutting down|in recovery mode)/i;
/** What pg-pool says when none of its connections came free in time: the database answers, the service is busy. */
const POOL_TIMEOUT_MESSAGE = /timeout exceeded when trying to connect/i;

/**
 * PostgreSQL's answer to a prepared statement whose result columns changed since it was parsed (a migration applied
 * by another instance meanwhile). The connection parses it again on its next run, so trying again succeeds.
 */
export function isStalePlan(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  return code === '0A000' && typeof message === 'string' && message.includes('cached plan must not change result type');
}

/**
 * Why the database could not serve a request, if that is what an error means (as opposed to a bad query):
 * `UNREACHABLE` (down, restarting, unreachable, refusing connections) or `BUSY` (every connection of the pool stayed
 * taken until its timeout: the service is overloaded; or a transaction met a stale plan during an upgrade, isStalePlan). Looked for on the error itself, a TypeORM driverError, a cause,
 * a wrapped thrown value, or an AggregateError's parts (Node reports a refused connection to every address of a host
 * that way).
 */
export function databaseUnavailability(error: unknown, depth = 0): 'UNREACHABLE' | 'BUSY' | null {
  if (!error || typeof error !== 'object' || depth > 4) return null;
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (typeof code === 'string' && (UNREACHABLE.has(code) || UNAVAILABLE_SQLSTATE.test(code))) return 'UNREACHABLE';
  if (typeof message === 'string' && UNAVAILABLE_MESSAGE.test(message)) return 'UNREACHABLE';
  if ((typeof message === 'string' && POOL_TIMEOUT_MESSAGE.test(message)) || isStalePlan(error)) return 'BUSY';
  const nested = [
    (error as { driverError?: unknown }).driverError,
    (error as { cause?: unknown }).cause,
    // graphql-js wraps a thrown value that is not an Error of its realm (e.g. under Jest's sandbox) this way.
    (error as { thrownValue?: unknown }).thrownValue,
    ...((error as { errors?: unknown }).errors instanceof Array ? (error as { errors: unknown[] }).errors : []),
  ];
  for (const inner of nested) {
    const found = inner !== error ? databaseUnavailability(inner, depth + 1) : null;
    if (found) return found;
  }
  return null;
}

/** Whether an error means "the database cannot serve this request now" (databaseUnavailability, either way). */
export function isDatabaseUnavailable(error: unknown): boolean {
  return databaseUnavailability(error) !== null;
}
