import { AsyncLocalStorage } from 'node:async_hooks';
import { AbstractLogger, LogLevel, LogMessage } from 'typeorm';

/**
 * Counts the SQL statements each request runs, so tests and benchmarks can check that a page of N items
 * costs the same number of statements as a page of one (no N+1).
 */
interface StatementCount {
  statements: number;
}

const storage = new AsyncLocalStorage<StatementCount>();

export function runCountingStatements<T>(work: () => T): T {
  return storage.run({ statements: 0 }, work);
}

export function statementsSoFar(): number {
  return storage.getStore()?.statements ?? 0;
}

/** A TypeORM logger that logs nothing itself and counts every statement of the current request. */
export class StatementCountingLogger extends AbstractLogger {
  override logQuery(): void {
    const count = storage.getStore();
    if (count) count.statements += 1;
  }

  protected writeLog(_level: LogLevel, _message: LogMessage | LogMessage[]): void {
    // Errors reach the error mapping; slow queries and schema logs are not needed here.
  }
}
