import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** Paths the API owns even when no route matches them (middleware-mounted, like Apollo's /graphql). */
const API_PREFIXES = ['/graphql', '/health'];

interface RouteLayer {
  readonly route?: { readonly path: string; readonly methods: Record<string, boolean> };
  match(path: string): boolean;
}

/**
 * Serves the built web client (dist/apps/web) from the API's own origin: its files as they are (hashed assets
 * cached for a year), and index.html for any other page a browser navigates to — but only when no API route
 * answers that path, so /graphql, /health/* and the REST GETs (/documents/:id/annotations, /me/personal-data,
 * /consultations/:id/contributions.csv, …) are never shadowed, whatever routes are added later.
 */
export function serveWebClient(app: NestExpressApplication, root: string): boolean {
  const index = join(root, 'index.html');
  if (!existsSync(index)) return false;
  const express = app.getHttpAdapter().getInstance() as unknown as {
    router: { stack: RouteLayer[] };
  };
  app.useStaticAssets(root, {
    index: false,
    setHeaders(response, path) {
      if (path.includes(`${join(root, 'assets')}`))
        response.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
    },
  });
  app.use((request: Request, response: Response, next: NextFunction) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return next();
    if (!request.accepts('html') || request.accepts(['json', 'html']) === 'json') return next();
    if (request.path.startsWith('/assets/')) return next(); // a missing asset is a 404, not a page
    if (API_PREFIXES.some((prefix) => request.path === prefix || request.path.startsWith(`${prefix}/`))) return next();
    // Catch-all routes ('/{*path}', Nest's middleware for every path) own nothing in particular.
    const ownedByApi = express.router.stack.some(
      (layer) => layer.route && !layer.route.path.includes('*') && layer.match(request.path),
    );
    if (ownedByApi) return next();
    response.setHeader('Cache-Control', 'no-cache');
    response.sendFile(index);
  });
  return true;
}
