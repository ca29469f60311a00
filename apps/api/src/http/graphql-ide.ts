import type { NestExpressApplication } from '@nestjs/platform-express';
import { getDistDirectory, renderAltair } from 'altair-static';
import express from 'express';

/** Where the development GraphQL IDE is served (never in production). */
export const GRAPHQL_IDE_PATH = '/graphiql';

/**
 * A GraphQL IDE for developers, served from the `altair-static` npm package: every script and stylesheet comes from
 * node_modules, so it works offline (Apollo's sandbox loads its scripts from a CDN). Development only.
 */
export function mountGraphqlIde(app: NestExpressApplication): void {
  const page = renderAltair({
    baseURL: `${GRAPHQL_IDE_PATH}/`,
    endpointURL: '/graphql',
    initialSettings: { 'plugin.list': [], 'alert.disableWarnings': true },
    disableAccount: true,
  });
  app.use(GRAPHQL_IDE_PATH, (request: express.Request, response: express.Response, next: express.NextFunction) => {
    if (request.method === 'GET' && (request.path === '/' || request.path === '')) {
      response.type('html').send(page);
      return;
    }
    next();
  });
  app.use(GRAPHQL_IDE_PATH, express.static(getDistDirectory(), { index: false, fallthrough: false }));
}
