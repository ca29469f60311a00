/** The key of the article containing an offset, or null for text outside every article (title, preamble). */
export function sectionKeyAt(
  sections: readonly { key: string; start: number; end: number }[],
  offset: number,
): string | null {
  return sections.find((section) => offset >= section.start && offset < section.end)?.key ?? null;
}
