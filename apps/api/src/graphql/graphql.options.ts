import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { ApolloDriverConfig } from '@nestjs/apollo';
import type { Request, Response } from 'express';
import type { GraphQLFormattedError } from 'graphql';
import type { AppConfig } from '../config/app-config';
import { serviceUnavailableStatus, sqlStatementCountHeader, unexpectedErrorLogging } from './apollo-plugins';
import type { MajlisRequest } from './auth/request-of';
import { formatError } from './errors/format-error';
import { inputHygiene } from './input-hygiene';
import { pricedFieldsRule } from './priced-fields';
import { urgentLane } from './urgent-lane';
import type { RequestLoaders } from './loaders/request-loaders';
import type { RequestLoadersFactory } from './loaders/request-loaders.factory';
import type { GraphQLContext } from './graphql-context';
import type { AuthenticationService } from '@majlis/identity';
import { LiveSocketExtra, liveSocketOptions } from '../live/live-socket';

/**
 * Apollo through @nestjs/apollo, code-first. Limits: depth, cost, aliases and directives from GraphQL Armor,
 * tokens from the parser; CSRF prevention is on; introspection only outside production;
 * no landing page (developers use the local IDE at /graphiql, see http/graphql-ide.ts).
 */
export function graphqlOptions(
  config: AppConfig,
  loaders: RequestLoadersFactory,
  authentication: AuthenticationService,
): ApolloDriverConfig {
  const format = (formatted: GraphQLFormattedError, error: unknown) =>
    formatError(formatted, error, { hideSuggestions: config.production });
  const armor = new ApolloArmor({
    maxDepth: { n: config.graphql.maxDepth, flattenFragments: true },
    // Fragments cost what their fields cost, as if written inline (by default each spread counts as a level deeper).
    costLimit: { maxCost: config.graphql.maxCost, flattenFragments: true },
    maxAliases: { n: 15 },
    maxDirectives: { n: 20 },
    // Token counting is done by graphql-js's own parser (parseOptions below), which reports GRAPHQL_PARSE_FAILED/400.
    maxTokens: { enabled: false },
    blockFieldSuggestion: { enabled: config.production },
  }).protect();
  return {
    autoSchemaFile: true,
    sortSchema: true,
    path: '/graphql',
    csrfPrevention: true,
    parseOptions: { maxTokens: 5000 },
    introspection: !config.production,
    playground: false,
    includeStacktraceInErrorResponses: false,
    // Statuses are ours to set: 200 for an executed operation, 503 while the database is down (serviceUnavailableStatus).
    // Nest's own plugin would force every executed operation back to 200.
    preserveHttpStatusForExecutionErrors: false,
    formatError: format,
    // Live updates: graphql-ws on the same path and port (see live/live-socket.ts and live/close-codes.ts).
    subscriptions: {
      'graphql-ws': liveSocketOptions(
        authentication,
        config.live.sessionCheckSeconds,
        format,
        config.live.writeIntervalMs,
      ) as never,
    },
    validationRules: [...armor.validationRules, pricedFieldsRule(config.graphql.maxCost)],
    plugins: [
      ...armor.plugins,
      inputHygiene(),
      unexpectedErrorLogging(),
      serviceUnavailableStatus(),
      urgentLane(),
      ApolloServerPluginLandingPageDisabled(),
      // No HTTP caching of GraphQL answers (they are per user): skip computing cache hints on every field.
      ApolloServerPluginCacheControlDisabled(),
      ...(config.production ? [] : [sqlStatementCountHeader()]),
    ],
    context: (arg: { req: Request; res: Response } | { extra: LiveSocketExtra }): GraphQLContext => {
      if ('extra' in arg) return liveContext(arg.extra, loaders);
      const { req, res } = arg;
      const request = req as MajlisRequest;
      return {
        req: request,
        res,
        loaders: loaders.create(() => {
          if (!request.user) throw new Error('Loaders used before the request was authenticated');
          return request.user;
        }),
      };
    },
  };
}

/**
 * The context of an operation on a live-updates socket: its connection's actor stands in for the request's user
 * (authenticated when the socket opened, see live-socket.ts), so guards and decorators work as over HTTP.
 */
function liveContext(extra: LiveSocketExtra, factory: RequestLoadersFactory): GraphQLContext {
  const live = extra.live;
  if (!live) throw new Error('A live socket operation before authentication');
  const req = { user: live.actor, authenticated: true, headers: {} } as unknown as MajlisRequest;
  // Made when first used: a live subscription's own field reads none, and a thousand sockets need not hold them.
  let made: RequestLoaders | undefined;
  return {
    req,
    res: undefined as unknown as Response,
    live,
    get loaders() {
      return (made ??= factory.create(() => live.actor));
    },
  };
}
