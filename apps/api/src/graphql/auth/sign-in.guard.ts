import { ExecutionContext, Injectable, createParamDecorator } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { AuthGuard } from '@nestjs/passport';
import { UnauthenticatedError } from '@majlis/kernel';
import { IdentityReason } from '@majlis/identity';
import type { User } from '@majlis/identity';
import { MajlisRequest } from './request-of';

/** Runs passport-local for the signIn mutation: the strategy reads e-mail and password from `input`. */
@Injectable()
export class SignInGuard extends AuthGuard('local') {
  override getRequest(context: ExecutionContext): MajlisRequest {
    const gql = GqlExecutionContext.create(context);
    const request = gql.getContext<{ req: MajlisRequest }>().req;
    const input = gql.getArgs<{ input?: { email?: unknown; password?: unknown } }>().input ?? {};
    request.body = { email: String(input.email ?? ''), password: String(input.password ?? '') };
    return request;
  }

  override getAuthenticateOptions() {
    return { session: false, property: 'signedInUser' };
  }

  override handleRequest<T>(error: unknown, user: T): T {
    if (error) throw error;
    if (!user)
      throw new UnauthenticatedError('The e-mail address or the password is not correct.').because(
        IdentityReason.WRONG_PASSWORD,
      );
    return user;
  }
}

/** The user that passport-local has just verified, for the signIn resolver. */
export const SignedInUser = createParamDecorator(
  (_data: unknown, context: ExecutionContext): User =>
    GqlExecutionContext.create(context).getContext<{ req: MajlisRequest & { signedInUser: User } }>().req.signedInUser,
);
