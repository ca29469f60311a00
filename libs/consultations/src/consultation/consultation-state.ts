import type { Consultation } from './consultation.entity';

export const CONSULTATION_STATES = ['DRAFT', 'SCHEDULED', 'OPEN', 'CLOSED', 'RESULTS_PUBLISHED'] as const;
export type ConsultationState = (typeof CONSULTATION_STATES)[number];

/**
 * The state follows the server clock, whatever was stored: a published consultation is OPEN from opensAt
 * (inclusive) to closesAt (exclusive) — a request processed at closesAt is too late.
 */
export function stateAt(
  consultation: Pick<Consultation, 'publishedAt' | 'resultsPublishedAt' | 'opensAt' | 'closesAt'>,
  now: Date,
): ConsultationState {
  if (consultation.resultsPublishedAt) return 'RESULTS_PUBLISHED';
  if (!consultation.publishedAt) return 'DRAFT';
  if (now.getTime() < consultation.opensAt.getTime()) return 'SCHEDULED';
  if (now.getTime() < consultation.closesAt.getTime()) return 'OPEN';
  return 'CLOSED';
}
