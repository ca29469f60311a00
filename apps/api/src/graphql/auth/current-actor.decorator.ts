import { ExecutionContext, createParamDecorator } from '@nestjs/common';
import type { AuthenticatedActor } from '@majlis/identity';
import { requestOf } from './request-of';

/** The signed-in actor of a guarded resolver (never null there: the global guard refused anonymous calls). */
export const CurrentActor = createParamDecorator(
  (_data: unknown, context: ExecutionContext): AuthenticatedActor => requestOf(context).user as AuthenticatedActor,
);

/** The actor of a @Public() resolver: null for anonymous callers. */
export const OptionalActor = createParamDecorator(
  (_data: unknown, context: ExecutionContext): AuthenticatedActor | null => requestOf(context).user ?? null,
);
