/**
 * Mentions are written `@[Display name](user:<id>)` (what a client's autocomplete inserts). Rendered Markdown
 * shows the name (the `user:` link scheme is not allowed through); the ids are resolved and stored on posting.
 */
const MENTION = /@\[[^\]\n]{1,120}\]\(user:([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\)/gi;
export const MAX_MENTIONS = 20;

export function mentionedIds(body: string): string[] {
  return [...new Set([...body.matchAll(MENTION)].map((match) => match[1].toLowerCase()))].slice(0, MAX_MENTIONS);
}
