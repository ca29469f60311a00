import { Get, Next, Req, Res } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { CommonReason, UnauthenticatedError } from '@majlis/kernel';
import type { AuthenticatedActor } from '@majlis/identity';
import { OptionalActor } from '../graphql/auth/current-actor.decorator';
import { Public } from '../graphql/auth/public.decorator';

export const JSON_LD = 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"';

/** The public base URL of the IRIs, as the request reached us. */
export const baseUrlOf = (request: Request) => `${request.protocol}://${request.get('host')}`;

/**
 * Content negotiation for linked-data IRIs that are also web-client pages (`/documents/<id>`, `/annotations/<id>`,
 * `/users/<id>`, …): JSON-LD for requests that accept `application/ld+json` or `application/json` (or anything,
 * `*` / `*`) at least as much as HTML; a browser's navigation (it prefers `text/html`) is not ours and falls through
 * to the next handler (the web client's single-page fallback, else 404).
 */
export function wantsLinkedData(request: Request): boolean {
  const best = request.accepts(['application/ld+json', 'application/json', 'text/html']);
  return best === 'application/ld+json' || best === 'application/json';
}

/** The signed-in actor of a negotiated route (marked @Public() so that browsers fall through): 401 without one. */
export function requireActor(actor: AuthenticatedActor | null): AuthenticatedActor {
  if (!actor) throw new UnauthenticatedError().because(CommonReason.SIGN_IN_REQUIRED);
  return actor;
}

export function sendJsonLd(response: Response, body: unknown): void {
  response.status(200).setHeader('content-type', JSON_LD).setHeader('vary', 'Accept').send(JSON.stringify(body));
}

/** What a negotiated route computes: the JSON-LD body, from the signed-in reader, the route's parameters and the base URL. */
export type LinkedDataHandler = (
  reader: AuthenticatedActor,
  params: Record<string, string>,
  baseUrl: string,
) => Promise<unknown>;

/**
 * `GET path` for a linked-data IRI that is also a web-client page, marked @Public() so that a browser's navigation
 * falls through: a request that does not ask for JSON-LD goes on to the next handler (wantsLinkedData); otherwise
 * the decorated method is called with the signed-in reader (401 without one: requireActor), the route's parameters
 * and the base URL, and what it returns is sent as JSON-LD (sendJsonLd).
 */
export function LinkedDataRoute(path: string) {
  return <H extends LinkedDataHandler>(
    target: object,
    key: string | symbol,
    descriptor: TypedPropertyDescriptor<H>,
  ) => {
    const build = descriptor.value as H;
    (descriptor as PropertyDescriptor).value = async function negotiated(
      this: unknown,
      actor: AuthenticatedActor | null,
      request: Request,
      response: Response,
      next: NextFunction,
    ): Promise<void> {
      if (!wantsLinkedData(request)) return next();
      const params = request.params as Record<string, string>;
      sendJsonLd(response, await build.call(this, requireActor(actor), params, baseUrlOf(request)));
    };
    // The route's arguments, as @OptionalActor() @Req() @Res() @Next() would declare them on the method above.
    OptionalActor()(target, key, 0);
    Req()(target, key, 1);
    Res()(target, key, 2);
    Next()(target, key, 3);
    Public()(target, key, descriptor);
    Get(path)(target, key, descriptor);
  };
}
