import { AuditService, ChainVerdict } from '@majlis/audit';
import { SystemClock } from '@majlis/kernel';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source-options';

/** `npm run audit:verify`: walks the audit trail's hash chain on the configured database. */
export async function verifyAuditTrail(url: string): Promise<ChainVerdict> {
  const dataSource = new DataSource({ ...dataSourceOptions(url, 1), logging: false, logger: undefined });
  await dataSource.initialize();
  try {
    return await new AuditService(dataSource, new SystemClock()).verify();
  } finally {
    await dataSource.destroy();
  }
}
