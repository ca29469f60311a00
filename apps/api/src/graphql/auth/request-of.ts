import { ExecutionContext } from '@nestjs/common';
import { GqlContextType, GqlExecutionContext } from '@nestjs/graphql';
import type { Request } from 'express';
import type { AuthenticatedActor } from '@majlis/identity';

export interface MajlisRequest extends Omit<Request, 'user'> {
  user?: AuthenticatedActor | null;
  /** Set once the bearer token of this request was checked, so several root fields authenticate once. */
  authenticated?: boolean;
}

/** The HTTP request behind a GraphQL resolver or a REST route. */
export function requestOf(context: ExecutionContext): MajlisRequest {
  if (context.getType<GqlContextType>() === 'graphql') {
    return GqlExecutionContext.create(context).getContext<{ req: MajlisRequest }>().req;
  }
  return context.switchToHttp().getRequest<MajlisRequest>();
}
