import { diffWordsWithSpace } from 'diff';
import type { WordDiffPart } from './anchor.types';

/**
 * Word-level diff (whitespace significant) for displaying what changed between two versions.
 * Consecutive parts never share the same op; concatenating equal+delete parts gives the old
 * text, equal+insert parts the new text.
 */
export function wordDiff(oldText: string, newText: string): WordDiffPart[] {
  const parts: WordDiffPart[] = [];
  for (const change of diffWordsWithSpace(oldText, newText)) {
    const op = change.added ? 'insert' : change.removed ? 'delete' : 'equal';
    const last = parts[parts.length - 1];
    if (last && last.op === op) last.text += change.value;
    else if (change.value.length > 0) parts.push({ op, text: change.value });
  }
  return parts;
}
