import { join } from 'node:path';
import { AppConfig } from '../config/app-config';
import { startEmbeddedPostgres } from './embedded-postgres';

export interface ProvisionedDatabase {
  readonly url: string;
  readonly embedded: boolean;
  /** Stops the embedded PostgreSQL, if one was started; nothing for an external one. */
  stop(): Promise<void>;
}

/**
 * `DATABASE_URL` when set, else an embedded PostgreSQL whose data lives in the data folder. `launched` resolves as
 * soon as the embedded postmaster has been spawned (at once for `DATABASE_URL`): the caller may load its modules
 * meanwhile, while PostgreSQL starts in its own process, and then wait for `database`.
 */
export function startProvisioning(
  config: AppConfig,
  log: (message: string) => void,
): { launched: Promise<void>; database: Promise<ProvisionedDatabase> } {
  let launched!: () => void;
  const launchedPromise = new Promise<void>((resolve) => (launched = resolve));
  const database = provisionDatabase(config, log, launched);
  // Whatever happens to `database` (the caller awaits it and handles its failure), `launched` resolves.
  database.then(launched, launched);
  return { launched: launchedPromise, database };
}

/** `DATABASE_URL` when set, else an embedded PostgreSQL whose data lives in the data folder. */
export async function provisionDatabase(
  config: AppConfig,
  log: (message: string) => void,
  onLaunched?: () => void,
): Promise<ProvisionedDatabase> {
  if (config.databaseUrl) return { url: config.databaseUrl, embedded: false, stop: async () => undefined };
  const running = await startEmbeddedPostgres({
    dataDir: join(config.dataDir, 'postgres'),
    port: config.embeddedPostgresPort,
    database: 'majlis',
    log,
    onLaunched,
    stoppedByCaller: true,
  });
  log(
    `embedded PostgreSQL listening on 127.0.0.1:${config.embeddedPostgresPort} (data in ${join(config.dataDir, 'postgres')})`,
  );
  return { url: running.url, embedded: true, stop: () => running.stop() };
}
