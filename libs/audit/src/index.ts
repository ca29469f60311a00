export * from './audit.service';
export { HashChains, AUDIT_OPTIONS } from './hash-chains';
export type { AuditOptions, TrailVerdict } from './hash-chains';
export { AUDIT_EVENTS_CHAIN, ChainKey, canonicalJson, timestampText, GENESIS_HASH } from './audit-chain';
export type { ChainSpec, ChainVerdict, Checkpoint } from './audit-chain';
