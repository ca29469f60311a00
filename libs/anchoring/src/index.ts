export * from './anchor.types';
export { describeSelection } from './describe-selection';
export { verifyTarget } from './verify-target';
export { alignTexts, TextAlignment, type EqualSegment, type BoundaryAnchor } from './text-alignment';
export {
  reanchor,
  reanchorWithAlignment,
  DEFAULT_MIN_SCORE,
  DEFAULT_MIN_RELOCATION_CONTEXT,
  DEFAULT_MIN_RELOCATION_SPAN,
} from './reanchor';
export { wordDiff } from './word-diff';
export { reanchorChained, judgeAgainstOriginal, textSimilarity, type ChainedTarget } from './reanchor-chained';
