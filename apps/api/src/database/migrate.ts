import { Logger, runMigrations } from 'graphile-worker';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source-options';

/**
 * Applies the pending migrations (each in its own transaction); returns the names of those applied. Then installs
 * or upgrades the job queue's own schema (graphile-worker's `graphile_worker`), which writes enqueue into.
 */
export async function migrate(url: string): Promise<string[]> {
  const dataSource = new DataSource({ ...dataSourceOptions(url, 1), logging: false, logger: undefined });
  await dataSource.initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    await runMigrations({ connectionString: url, logger: new Logger(() => () => undefined) });
    return applied.map((migration) => migration.name);
  } finally {
    await dataSource.destroy();
  }
}
