import type { Response } from 'express';
import type { MajlisRequest } from './auth/request-of';
import type { RequestLoaders } from './loaders/request-loaders';
import type { LiveConnection } from '../live/live-socket';

/** What every resolver receives as GraphQL context. */
export interface GraphQLContext {
  readonly req: MajlisRequest;
  readonly res: Response;
  readonly loaders: RequestLoaders;
  /** On a live-updates socket (graphql-ws): its connection, whose actor stays current. Absent over HTTP. */
  readonly live?: LiveConnection;
}
