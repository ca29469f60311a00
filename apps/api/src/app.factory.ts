import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { Clock, SystemClock } from '@majlis/kernel';
import { AppModule } from './app.module';
import { AppConfig } from './config/app-config';
import { inRequestLane } from './database/request-lanes';
import { runCountingStatements } from './database/sql-statement-counter';
import { mountGraphqlIde } from './http/graphql-ide';
import { bodyArrivedInTime, stampReceivedAt } from './http/received-at';
import { serveWebClient } from './http/web-client';

export interface CreateAppOptions {
  readonly config: AppConfig;
  readonly databaseUrl: string;
  readonly clock?: Clock;
  /** The built web client to serve at / (dist/apps/web); nothing is served when it is absent. */
  readonly webRoot?: string;
}

/** The whole API, ready to listen: used by main.ts and by the end-to-end tests alike. */
export async function createApp({
  config,
  databaseUrl,
  clock = new SystemClock(),
  webRoot,
}: CreateAppOptions): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot({ config, databaseUrl, clock }), {
    bufferLogs: true,
    bodyParser: false,
  });
  app.useLogger(app.get(Logger));
  app.set('trust proxy', config.trustProxy);
  app.disable('x-powered-by');
  // First of all: the time the request was received, before body parsing, guards or the database pool's queue.
  app.use(stampReceivedAt(clock, { trustProxy: config.trustProxy }));
  // The SQL statement counter (tests and benchmarks read it) costs an AsyncLocalStorage context per request: not in production.
  if (!config.production)
    app.use((_request: unknown, _response: unknown, next: () => void) => runCountingStatements(next));
  app.useBodyParser('json', { limit: '2mb' });
  app.useBodyParser('urlencoded', { limit: '2mb', extended: false });
  app.use(bodyArrivedInTime(config.requestBodyTimeoutMs));
  // Each request in the database pool's normal lane; an urgent operation moves to the front (request-lanes.ts).
  app.use(inRequestLane);
  if (!config.production) mountGraphqlIde(app);
  if (webRoot) serveWebClient(app, webRoot);
  // Run the lifecycle hooks now (areas register their comment subjects), so the app is usable before listen().
  await app.init();
  return app;
}
