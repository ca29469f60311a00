import { CONSULTATIONS_ENTITIES } from '@majlis/consultations';
import { DISCUSSIONS_ENTITIES } from '@majlis/discussions';
import { DOCUMENTS_ENTITIES } from '@majlis/documents';
import { IDENTITY_ENTITIES } from '@majlis/identity';
import { MIGRATIONS } from '@majlis/migrations';
import { DataSourceOptions } from 'typeorm';
import { PreparingClient } from './prepared-statements';
import { laneDriver } from './request-lanes';
import { StatementCountingLogger } from './sql-statement-counter';
import { API_TYPE_PARSERS } from './timestamptz';

/** Every entity of every domain lib; the schema itself is owned by the migrations. */
export const ENTITIES = [
  ...IDENTITY_ENTITIES,
  ...DOCUMENTS_ENTITIES,
  ...DISCUSSIONS_ENTITIES,
  ...CONSULTATIONS_ENTITIES,
];

export function dataSourceOptions(url: string, poolSize = 10): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    migrationsRun: false,
    logging: ['query'],
    logger: new StatementCountingLogger(),
    // pg, with a pool that serves urgent requests (a submission in a closing rush) first: request-lanes.ts.
    driver: laneDriver,
    // A request waits at most 10 s for a connection, then fails (and is logged) rather than hanging. Timestamps are
    // read without regular expressions (timestamptz.ts). Hot statements run prepared (prepared-statements.ts).
    extra: {
      max: poolSize,
      connectionTimeoutMillis: 10_000,
      application_name: 'majlis-api',
      types: API_TYPE_PARSERS,
      Client: PreparingClient,
    },
  };
}
