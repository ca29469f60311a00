import { HashChains, TrailVerdict } from '@majlis/audit';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { auditOptions } from './audit-options';
import { dataSourceOptions } from './data-source-options';

/**
 * `npm run audit:verify`: walks the audit trail's and the moderation log's chains on the configured database,
 * against the HMAC key and the signed checkpoints kept outside the database; names the first broken row of each.
 */
export async function verifyAuditTrail(url: string, audit: AppConfig['audit']): Promise<TrailVerdict> {
  const dataSource = new DataSource({ ...dataSourceOptions(url, 1), logging: false, logger: undefined });
  await dataSource.initialize();
  try {
    return await new HashChains(dataSource, auditOptions(audit)).verify();
  } finally {
    await dataSource.destroy();
  }
}
