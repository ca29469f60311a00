import type { Request, Response } from 'express';
import { CommonReason, UnauthenticatedError } from '@majlis/kernel';
import type { AuthenticatedActor } from '@majlis/identity';

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
