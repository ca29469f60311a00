import { AuditOptions } from '@majlis/audit';
import { MODERATION_ACTIONS_CHAIN } from '@majlis/moderation';
import { AppConfig } from '../config/app-config';

/**
 * The audit lib's options: the configured key and checkpoint file, and the chains the areas declare (the moderation
 * log), kept by the audit mechanism after the audit trail's own, in this order (their verdicts' and checkpoints'
 * order). One list for the running app and for `audit-verify`, so both cover the same chains.
 */
export function auditOptions(audit: AppConfig['audit']): AuditOptions {
  return { ...audit, chains: [MODERATION_ACTIONS_CHAIN] };
}
