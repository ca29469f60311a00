import type { Response } from 'express';
import type { MajlisRequest } from './auth/request-of';
import type { RequestLoaders } from './loaders/request-loaders';

/** What every resolver receives as GraphQL context. */
export interface GraphQLContext {
  readonly req: MajlisRequest;
  readonly res: Response;
  readonly loaders: RequestLoaders;
}
