export interface ModerationOptions {
  /** Open reports that hide a piece of content pending review. */
  readonly autoHideThreshold: number;
}

export const MODERATION_OPTIONS = Symbol('MODERATION_OPTIONS');
