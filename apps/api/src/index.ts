/** What the end-to-end tests need to run the real app: the same factory, configuration and database helpers. */
export { createApp } from './app.factory';
export { loadConfig } from './config/app-config';
export type { AppConfig } from './config/app-config';
export { migrate } from './database/migrate';
export { MIGRATIONS } from '@majlis/migrations';
export { startEmbeddedPostgres } from './database/embedded-postgres';
export { seedSampleDataIfEmpty } from './seed/seed-sample-data';
export { SAMPLE_PASSWORD, SAMPLE_USERS, SAMPLE_ORGANIZATIONS } from './seed/sample-organizations';
export { schemaToSdl } from './graphql/schema-printer';
export { API_STATEMENT_NAMES, MAX_PREPARED_STATEMENTS, preparingClient } from './database/prepared-statements';
export { verifyAuditTrail } from './database/verify-audit-trail';
export { EventBus } from './live/event-bus';
export { LiveAccess } from './live/live-access';
export { LiveFanout } from './live/live-fanout';
export { shareKey } from './live/live-execution';
export { LIVE_CLOSE_CODES } from './live/close-codes';
