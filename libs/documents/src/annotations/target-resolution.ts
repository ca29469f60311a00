import { AnchorTarget, describeSelection, verifyTarget } from '@majlis/anchoring';
import { InvalidInputError } from '@majlis/kernel';

/** A passage as a client names it: a position (start, end), or a quote found by the server. */
export interface TargetRequest {
  exact: string;
  prefix: string;
  suffix: string;
  start?: number | null;
  end?: number | null;
  occurrence?: number | null;
}

/**
 * The TextQuote + TextPosition of a requested passage in a version's plain text (UTF-16 code units).
 * - With start and end: checked as given (the quote must be at that position, with its prefix and suffix).
 * - Without them: the occurrences of `exact` whose text ends with `prefix` right before and starts with `suffix`
 *   right after (context may be partial, or empty); `occurrence` (1 = first) picks one when several remain; the
 *   resolved target carries the server's own 32 code units of context.
 * Not found, ambiguous without a hint, or a hint beyond the count → BAD_USER_INPUT saying which.
 */
export function resolveTarget(text: string, request: TargetRequest, versionNumber: number): AnchorTarget {
  const { exact, prefix, suffix } = request;
  const start = request.start ?? null;
  const end = request.end ?? null;
  if (start !== null || end !== null) {
    if (start === null || end === null)
      throw InvalidInputError.field(
        start !== null ? 'target.end' : 'target.start',
        'give both start and end, or neither (the quote is then found in the text)',
      );
    if (request.occurrence !== undefined && request.occurrence !== null)
      throw InvalidInputError.field('target.occurrence', 'give either a position (start, end) or an occurrence');
    const target = { quote: { exact, prefix, suffix }, position: { start, end } };
    const check = verifyTarget(text, target);
    if (!check.ok) throw new InvalidInputError({ target: TARGET_PROBLEMS[check.reason] });
    return target;
  }
  const matches: number[] = [];
  for (let at = text.indexOf(exact); at !== -1; at = text.indexOf(exact, at + 1)) {
    if (text.endsWith(prefix, at) && text.startsWith(suffix, at + exact.length)) matches.push(at);
  }
  const withContext = prefix.length > 0 || suffix.length > 0 ? ' with this prefix and suffix' : '';
  if (matches.length === 0)
    throw InvalidInputError.field(
      'target.exact',
      `the quoted text is not in version ${versionNumber}${withContext} (it must match its plain text exactly)`,
    );
  const occurrence = request.occurrence ?? null;
  if (occurrence === null && matches.length > 1)
    throw InvalidInputError.field(
      'target.exact',
      `the quoted text occurs ${matches.length} times in version ${versionNumber}${withContext}: ` +
        `add a prefix or suffix, or say which occurrence (1 to ${matches.length})`,
    );
  if (occurrence !== null && occurrence > matches.length)
    throw InvalidInputError.field(
      'target.occurrence',
      `the quoted text occurs only ${matches.length} time${matches.length > 1 ? 's' : ''} in version ${versionNumber}${withContext}`,
    );
  const found = matches[(occurrence ?? 1) - 1];
  return describeSelection(text, found, found + exact.length);
}

export const TARGET_PROBLEMS: Record<string, string> = {
  OUT_OF_RANGE: 'the position is outside the text of this version',
  QUOTE_MISMATCH: 'the quoted text does not match the text at this position',
  EMPTY: 'the selection is empty',
  SPLITS_SURROGATE_PAIR: 'the position splits a character in two',
};
