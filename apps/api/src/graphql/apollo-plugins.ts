import type { ApolloServerPlugin } from '@apollo/server';
import type { Logger } from 'pino';
import { statementsSoFar } from '../database/sql-statement-counter';
import { isUnexpected } from './errors/format-error';
import type { GraphQLContext } from './graphql-context';

/** Logs, with the request id, every error that our code did not raise on purpose (its stack stays in the log). */
export function unexpectedErrorLogging(): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, contextValue, operationName }) {
          const log = (contextValue.req as unknown as { log?: Logger }).log;
          for (const error of errors) {
            if (isUnexpected(error, error)) {
              log?.error(
                { err: error.originalError ?? error, path: error.path, operationName },
                'GraphQL operation failed',
              );
            }
          }
        },
      };
    },
  };
}

/** Outside production, tells clients (tests, benchmarks) how many SQL statements their request ran. */
export function sqlStatementCountHeader(): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          response.http.headers.set('x-sql-statements', String(statementsSoFar()));
        },
      };
    },
  };
}
