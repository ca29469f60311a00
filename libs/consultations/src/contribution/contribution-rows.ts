import type { Consent, Consultation, Contribution, ContributionStatus } from '../consultation/consultation.entity';

/**
 * Plain-SQL reads of a contribution and its consultation for the hot paths (save, submit, read): one statement, rows
 * mapped by hand into the entities' shapes, no TypeORM hydration.
 */

/** The contribution aliased `alias`, as the columns `ContributionRow` names. */
export function contributionColumnsSql(alias: string): string {
  return `${alias}.id, ${alias}.consultation_id, ${alias}.organization_id, ${alias}.status, ${alias}.answers,
          ${alias}.consent, ${alias}.updated_by_id, ${alias}.created_at, ${alias}.updated_at, ${alias}.version`;
}

/** The consultation aliased `alias`, as the `co_`-prefixed columns `ConsultationRow` names. */
export function consultationColumnsSql(alias: string): string {
  return `${alias}.id AS co_id, ${alias}.title AS co_title, ${alias}.summary AS co_summary,
          ${alias}.opens_at AS co_opens_at, ${alias}.closes_at AS co_closes_at, ${alias}.published_at AS co_published_at,
          ${alias}.results_published_at AS co_results_published_at, ${alias}.eligible_kinds::text[] AS co_eligible_kinds,
          ${alias}.document_ids::text[] AS co_document_ids, ${alias}.synthesis AS co_synthesis,
          ${alias}.space_id AS co_space_id, ${alias}.created_by_id AS co_created_by_id,
          ${alias}.created_at AS co_created_at, ${alias}.updated_at AS co_updated_at, ${alias}.version AS co_version`;
}

export interface ContributionRow {
  id: string;
  consultation_id: string;
  organization_id: string;
  status: ContributionStatus;
  answers: Record<string, unknown>;
  consent: Consent;
  updated_by_id: string | null;
  created_at: Date;
  updated_at: Date;
  version: number;
}

export interface ConsultationRow {
  co_id: string;
  co_title: string;
  co_summary: string;
  co_opens_at: Date;
  co_closes_at: Date;
  co_published_at: Date | null;
  co_results_published_at: Date | null;
  co_eligible_kinds: string[];
  co_document_ids: string[];
  co_synthesis: string | null;
  co_space_id: string | null;
  co_created_by_id: string;
  co_created_at: Date;
  co_updated_at: Date;
  co_version: number;
}

export function contributionOf(row: ContributionRow): Contribution {
  return {
    id: row.id,
    consultationId: row.consultation_id,
    organizationId: row.organization_id,
    status: row.status,
    answers: row.answers,
    consent: row.consent,
    updatedById: row.updated_by_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: row.version,
  };
}

export function consultationOf(row: ConsultationRow): Consultation {
  return {
    id: row.co_id,
    title: row.co_title,
    summary: row.co_summary,
    opensAt: row.co_opens_at,
    closesAt: row.co_closes_at,
    publishedAt: row.co_published_at,
    resultsPublishedAt: row.co_results_published_at,
    eligibleKinds: row.co_eligible_kinds,
    documentIds: row.co_document_ids,
    synthesis: row.co_synthesis,
    spaceId: row.co_space_id,
    createdById: row.co_created_by_id,
    createdAt: row.co_created_at,
    updatedAt: row.co_updated_at,
    version: row.co_version,
  };
}
