/**
 * What published results may reveal. Two rules, both from well-known guidance:
 * - spreadsheet cells never start with a character that makes a spreadsheet read them as a formula (OWASP, "CSV
 *   Injection");
 * - counts split by organisation kind never show a group smaller than a minimum size (statistical disclosure
 *   control): a CONFIDENTIAL answer that is the only one of its kind would otherwise be read off the split.
 */

/** OWASP's list: a cell starting with one of these is a formula (or becomes one) in Excel, LibreOffice, Sheets. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A cell as a spreadsheet shows it without evaluating it: prefixed with a single quote when it starts (after any
 * spaces) with `=`, `+`, `-`, `@`, a tab or a carriage return. Quoting and doubled quotes are the CSV writer's job.
 */
export function spreadsheetSafe(cell: string): string {
  return FORMULA_START.test(cell.replace(/^ +/, '')) ? `'${cell}` : cell;
}

/** The bucket small groups are merged into. */
export const OTHER_KINDS = 'OTHER';

export interface KindCount {
  readonly kind: string;
  readonly count: number;
}

/**
 * Counts per organisation kind where no group is smaller than `minimumGroupSize`: small kinds are merged into
 * OTHER; while OTHER itself is still too small, the smallest remaining kind joins it (so OTHER never names a
 * single small group either). With a minimum of 1 (or less) the counts are exact.
 */
export function countsByKind(kinds: readonly string[], minimumGroupSize: number): KindCount[] {
  const counts = new Map<string, number>();
  kinds.forEach((kind) => counts.set(kind, (counts.get(kind) ?? 0) + 1));
  const exact = [...counts].sort(([a], [b]) => a.localeCompare(b)).map(([kind, count]) => ({ kind, count }));
  if (minimumGroupSize <= 1) return exact;
  const kept = exact.filter((group) => group.count >= minimumGroupSize);
  let other = exact.reduce((sum, group) => sum + (group.count < minimumGroupSize ? group.count : 0), 0);
  while (other > 0 && other < minimumGroupSize && kept.length > 0) {
    const smallest = kept.reduce((min, group) => (group.count < min.count ? group : min));
    kept.splice(kept.indexOf(smallest), 1);
    other += smallest.count;
  }
  return other > 0 ? [...kept, { kind: OTHER_KINDS, count: other }] : kept;
}
