/**
 * Mentions in Markdown are written `@[Display name](user:<id>)` (the API resolves them when posted). While a
 * person types "@Kha", the text between "@" and the caret is the query the mention list answers.
 */

/** Whom a text may mention: exactly one of these (the conversation its replies go in). */
export interface MentionSource {
  readonly threadId?: string;
  readonly annotationId?: string;
  readonly contributionId?: string;
}

export interface MentionQuery {
  /** Offset of the "@" in the text. */
  readonly start: number;
  /** What was typed after it, up to the caret. */
  readonly prefix: string;
}

/** "@" at the start or after a space or an opening bracket, then letters (any script), digits, . _ ' - */
const TRIGGER = /(?:^|[\s([{])@([\p{L}\p{M}\p{N}_.'’-]{0,40})$/u;

/** The mention being typed just before `caret`, if any. */
export function mentionQueryAt(text: string, caret: number): MentionQuery | null {
  const match = TRIGGER.exec(text.slice(0, caret));
  if (!match) return null;
  const prefix = match[1] ?? '';
  return { start: caret - prefix.length - 1, prefix };
}

/** The stored form of a mention; brackets in the name are escaped so that the link stays whole. */
export function mentionMarkup(person: { readonly id: string; readonly displayName: string }): string {
  const name = person.displayName.replace(/[[\]\\]/g, (c) => `\\${c}`);
  return `@[${name}](user:${person.id})`;
}

/** `text` with the query at `query.start` … `caret` replaced by the mention and a space; the caret after them. */
export function insertMention(
  text: string,
  query: MentionQuery,
  caret: number,
  person: { readonly id: string; readonly displayName: string },
): { text: string; caret: number } {
  const inserted = `${mentionMarkup(person)} `;
  const after = text.slice(caret).replace(/^ /, '');
  return { text: text.slice(0, query.start) + inserted + after, caret: query.start + inserted.length };
}
