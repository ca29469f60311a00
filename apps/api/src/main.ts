import './compile-cache';
import 'reflect-metadata';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import pino from 'pino';
import { AppConfig, ConfigurationError, loadConfig } from './config/app-config';
import { startProvisioning } from './database/provision-database';
import { logDestination } from './logging/logger.options';
import { printStartBanner } from './start-banner';

/**
 * The server's modules: Nest, Apollo, TypeORM, every area, the migrations — most of the start-up's CPU. Loaded on
 * demand, once the embedded PostgreSQL has been spawned, so that both start at the same time (two processes).
 */
function serverModules() {
  /* eslint-disable @typescript-eslint/no-require-imports */
  return {
    ...(require('./app.factory') as typeof import('./app.factory')),
    ...(require('./database/migrate') as typeof import('./database/migrate')),
    ...(require('./database/verify-audit-trail') as typeof import('./database/verify-audit-trail')),
    ...(require('./seed/seed-sample-data') as typeof import('./seed/seed-sample-data')),
    ...(require('./http/graphql-ide') as typeof import('./http/graphql-ide')),
    PinoLogger: (require('nestjs-pino') as typeof import('nestjs-pino')).PinoLogger,
  };
  /* eslint-enable @typescript-eslint/no-require-imports */
}
type ServerModules = ReturnType<typeof serverModules>;

/**
 * `node main.js`          runs the API (database provisioned, migrations applied, sample data on first start).
 * `node main.js migrate`  applies pending migrations and exits.
 * `node main.js worker`   runs the background jobs alone (e-mails, digests, reminders), without serving HTTP; then
 *                         start the API instances with WORKER_IN_PROCESS=false.
 * `node main.js schema [--check]`  writes schema.gql from the resolvers (or checks that it is up to date).
 * `node main.js audit-verify`  checks the audit trail's and moderation log's keyed chains against the checkpoints
 *                              and names the first broken row.
 */
async function main(command: string | undefined): Promise<void> {
  if (command === 'schema') return writeOrCheckSchema(process.argv.includes('--check'));
  const startedAt = performance.now();
  const config = readConfig();
  const log = pino({ level: config.logLevel, base: { service: 'majlis-api' } }, logDestination());
  let stopDatabase = async (): Promise<void> => undefined;
  try {
    const provisioning = startProvisioning(config, (message) => log.info(message));
    await provisioning.launched;
    const { createApp, migrate, verifyAuditTrail, seedSampleDataIfEmpty, ...server } = serverModules();
    const database = await provisioning.database;
    stopDatabase = onceOnly(() => database.stop());

    const applied = await migrate(database.url);
    log.info(
      { migrations: applied },
      applied.length ? `applied ${applied.length} migration(s)` : 'database schema is up to date',
    );
    if (command === 'migrate') {
      await stopDatabase();
      return;
    }
    if (command === 'audit-verify') {
      const verdict = await verifyAuditTrail(database.url, config.audit);
      await stopDatabase();
      for (const chain of verdict.chains) {
        const checked = `${chain.checked} row(s) checked against the key, ${chain.checkpoints} checkpoint(s)`;
        if (chain.ok) process.stdout.write(`${chain.chain}: intact (${checked})\n`);
        else process.stderr.write(`${chain.chain}: BROKEN at row #${chain.brokenAt}: ${chain.problem} (${checked})\n`);
      }
      for (const line of verdict.invalidCheckpointLines)
        process.stderr.write(`${config.audit.checkpointFile}:${line}: not a validly signed checkpoint\n`);
      if (!verdict.ok) process.exit(1);
      return;
    }
    if (command === 'worker') {
      const worker = await createApp({
        config: { ...config, worker: { ...config.worker, inProcess: true } },
        databaseUrl: database.url,
      });
      log.info('Majlis worker running the background jobs (no HTTP)');
      const stopWorker = onceOnly(async (signal: string) => {
        log.info(`${signal} received: finishing running jobs, then stopping`);
        const limit = setTimeout(() => process.exit(1), SHUTDOWN_LIMIT_MS).unref();
        await worker.close();
        clearTimeout(limit); // the database stops under its own bound (its shutdown checkpoint)
        await stopDatabase();
        process.exit(0);
      });
      process.on('SIGTERM', () => void stopWorker('SIGTERM'));
      process.on('SIGINT', () => void stopWorker('SIGINT'));
      return;
    }
    const app = await createApp({ config, databaseUrl: database.url, webRoot: resolve(__dirname, '..', 'web') });
    if (config.seedSampleData && (await seedSampleDataIfEmpty(app))) {
      log.info(
        'loaded the illustrative sample data: fictional federations and companies, a sample circular in two versions with annotations',
      );
    }
    await app.listen(config.port, config.host);
    announce(server, log, config, Math.round(performance.now() - startedAt));

    const shutdown = onceOnly(async (signal: string) => {
      log.info(`${signal} received: finishing in-flight requests, then stopping`);
      // Bounded: a shutdown that cannot finish (a stuck request, a database that does not answer) says so and exits.
      const limit = setTimeout(() => {
        log.error(`did not stop within ${SHUTDOWN_LIMIT_MS / 1000} s: exiting anyway`);
        process.exit(1);
      }, SHUTDOWN_LIMIT_MS).unref();
      await app.close();
      // The pool is closed: the embedded PostgreSQL may now take its time to write its shutdown checkpoint, under
      // its own bound (SHUTDOWN_CHECKPOINT_GRACE_MS), rather than be cut short by the requests' limit.
      clearTimeout(limit);
      await stopDatabase();
      log.info('stopped cleanly');
      process.exit(0);
    });
    process.on('SIGTERM', () => void shutdown('SIGTERM'));
    process.on('SIGINT', () => void shutdown('SIGINT'));
  } catch (error) {
    log.fatal({ err: error }, `the API could not start: ${error instanceof Error ? error.message : String(error)}`);
    await stopDatabase();
    process.exit(1);
  }
}

const SHUTDOWN_LIMIT_MS = 10_000;

async function writeOrCheckSchema(check: boolean): Promise<void> {
  const file = resolve(process.cwd(), 'schema.gql');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { buildSchemaSdl } = require('./graphql/schema-printer') as typeof import('./graphql/schema-printer');
  const sdl = await buildSchemaSdl();
  if (!check) {
    writeFileSync(file, sdl);
    process.stdout.write(`wrote ${file}\n`);
    return;
  }
  if (!existsSync(file) || readFileSync(file, 'utf8') !== sdl) {
    process.stderr.write('schema.gql does not match the resolvers: run `npm run schema` and commit the result.\n');
    process.exit(1);
  }
  process.stdout.write('schema.gql matches the resolvers\n');
}

function readConfig(): AppConfig {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigurationError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(78);
    }
    throw error;
  }
}

/**
 * One JSON line for the logs, then the endpoint and the demo accounts as a short plain block, printed last: both
 * through the process's one log destination (`logDestination`, which may still hold the framework's start-up lines:
 * it writes asynchronously, in order), so they land below them.
 */
function announce(
  {
    PinoLogger,
    GRAPHQL_IDE_PATH,
    SAMPLE_PASSWORD,
    describeDemoAccounts,
  }: Pick<ServerModules, 'PinoLogger' | 'GRAPHQL_IDE_PATH' | 'SAMPLE_PASSWORD' | 'describeDemoAccounts'>,
  log: pino.Logger,
  config: AppConfig,
  startupMs: number,
): void {
  const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  const baseUrl = `http://${host}:${config.port}`;
  const framework: pino.Logger | undefined = PinoLogger.root;
  (framework ?? log).info({ startupMs, graphql: `${baseUrl}/graphql` }, `Majlis API ready in ${startupMs} ms`);
  void printStartBanner(
    {
      baseUrl,
      idePath: config.production ? null : GRAPHQL_IDE_PATH,
      startupMs,
      demo: config.seedSampleData ? { password: SAMPLE_PASSWORD, accounts: describeDemoAccounts() } : null,
    },
    logDestination(),
  );
}

function onceOnly<A extends unknown[]>(work: (...args: A) => Promise<void>): (...args: A) => Promise<void> {
  let running: Promise<void> | null = null;
  return (...args: A) => (running ??= work(...args));
}

void main(process.argv[2]);
