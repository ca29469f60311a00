import type { NestExpressApplication } from '@nestjs/platform-express';
import express from 'express';

/** Where the development GraphQL IDE is served (never in production). */
export const GRAPHQL_IDE_PATH = '/graphiql';

/**
 * A GraphQL IDE for developers, served from the `altair-static` npm package: every script and stylesheet comes from
 * node_modules, so it works offline (Apollo's sandbox loads its scripts from a CDN). Development only.
 */
export function mountGraphqlIde(app: NestExpressApplication): void {
  // altair-static is loaded at the first visit, not at every start (it weighs on the API's module loading).
  let ide: { page: string; assets: express.Handler } | null = null;
  const loaded = () => {
    if (ide) return ide;
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { getDistDirectory, renderAltair } = require('altair-static') as typeof import('altair-static');
    const page = renderAltair({
      baseURL: `${GRAPHQL_IDE_PATH}/`,
      endpointURL: '/graphql',
      initialSettings: { 'plugin.list': [], 'alert.disableWarnings': true },
      disableAccount: true,
    });
    ide = { page, assets: express.static(getDistDirectory(), { index: false, fallthrough: false }) };
    return ide;
  };
  app.use(GRAPHQL_IDE_PATH, (request: express.Request, response: express.Response, next: express.NextFunction) => {
    if (request.method === 'GET' && (request.path === '/' || request.path === '')) {
      response.type('html').send(loaded().page);
      return;
    }
    loaded().assets(request, response, next);
  });
}
