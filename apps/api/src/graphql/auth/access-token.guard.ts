import { ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { CommonReason, UnauthenticatedError } from '@majlis/kernel';
import { IdentityReason } from '@majlis/identity';
import { IS_PUBLIC } from './public.decorator';
import { requestOf } from './request-of';

/**
 * The global guard: every resolver and route needs a valid access token (passport-jwt), except those
 * marked @Public(), which still learn who is calling when a token is sent.
 */
@Injectable()
export class AccessTokenGuard extends AuthGuard('jwt') {
  constructor(private readonly reflector: Reflector) {
    super();
  }

  override getRequest(context: ExecutionContext) {
    return requestOf(context);
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()]);
    const request = requestOf(context);
    if (!request.authenticated) {
      if (request.headers.authorization) {
        await (super.canActivate(context) as Promise<boolean>);
      } else {
        request.user = null;
      }
      request.authenticated = true;
    }
    if (!request.user && !isPublic) throw new UnauthenticatedError().because(CommonReason.SIGN_IN_REQUIRED);
    return true;
  }

  override handleRequest<T>(error: unknown, user: T, info: unknown): T {
    if (error) throw error;
    if (!user) {
      const expired = (info as { name?: string } | undefined)?.name === 'TokenExpiredError';
      throw new UnauthenticatedError(
        expired ? 'Your access token has expired. Refresh your session.' : 'Your session is not valid. Sign in again.',
      ).because(expired ? IdentityReason.ACCESS_TOKEN_EXPIRED : IdentityReason.SESSION_ENDED);
    }
    return user;
  }
}
