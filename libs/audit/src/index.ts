export * from './audit.service';
export { verifyChain, chainHash, canonicalJson, GENESIS_HASH } from './audit-chain';
export type { ChainVerdict, AuditRecord, StoredAuditEvent } from './audit-chain';
