/** What the application configures about consultations. */
export interface ConsultationsOptions {
  /**
   * Published results split counts by organisation kind; a group smaller than this is merged into OTHER so that a
   * lone (e.g. CONFIDENTIAL) contribution cannot be read off the split. 1 shows exact counts.
   */
  readonly minimumGroupSize: number;
}

export const CONSULTATIONS_OPTIONS = Symbol('CONSULTATIONS_OPTIONS');

export const DEFAULT_CONSULTATIONS_OPTIONS: ConsultationsOptions = { minimumGroupSize: 3 };
