import type { GraphQLContext } from '../graphql-context';
import type { MajlisRequest } from './request-of';

/**
 * The web client's refresh token lives in an httpOnly, SameSite=Strict cookie scoped to /graphql: page scripts
 * never see it (an injected script cannot carry it away), other sites cannot send it. A client asks for it with
 * the header `X-Session-Cookie: 1` on signIn/refreshSession; other clients keep getting the token in the payload.
 */
export const REFRESH_COOKIE = 'majlis_refresh';
const COOKIE_PATH = '/graphql';

export function wantsRefreshCookie(request: MajlisRequest): boolean {
  return request.headers['x-session-cookie'] === '1';
}

export function refreshCookieOf(request: MajlisRequest): string | undefined {
  const header = request.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === REFRESH_COOKIE) return decodeURIComponent(value.join('='));
  }
  return undefined;
}

export function setRefreshCookie(context: GraphQLContext, token: string, expiresAt: Date): void {
  context.res.cookie(REFRESH_COOKIE, token, {
    httpOnly: true,
    sameSite: 'strict',
    secure: context.req.secure,
    path: COOKIE_PATH,
    expires: expiresAt,
  });
}

export function clearRefreshCookie(context: GraphQLContext): void {
  context.res.clearCookie(REFRESH_COOKIE, {
    httpOnly: true,
    sameSite: 'strict',
    secure: context.req.secure,
    path: COOKIE_PATH,
  });
}
