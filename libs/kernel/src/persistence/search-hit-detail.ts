/**
 * What search reads of a hit beyond its row (the `detail` of search's one statement): its title and text (for the
 * snippet) and where it is. Each key is JSON from SQL, NULL where the hit has none.
 */
export interface SearchHitDetail {
  title: string | null;
  text: string | null;
  version_number: number | null;
  start: number | null;
  end: number | null;
  space_slug: string | null;
}

/** The SQL expression of each detail a kind of hit has; a key left out is absent from the JSON (read as null). */
export type SearchHitDetailColumns = { readonly [K in keyof SearchHitDetail]?: string };

/** Every key of `SearchHitDetail`, in the order the builder renders them (the compiler checks none is missing). */
const ORDER: Record<keyof SearchHitDetail, true> = {
  title: true,
  text: true,
  version_number: true,
  start: true,
  end: true,
  space_slug: true,
};
const KEYS = Object.keys(ORDER) as (keyof SearchHitDetail)[];

/**
 * SQL: a search hit's detail, `json_build_object('title', <expr>, …)` of the keys given (in a fixed order, whatever
 * the order of `columns`), so every area's `…SearchDetailSql` writes the keys search reads through one type. Its
 * caller keeps its own FROM and WHERE. No keys: `json_build_object()`, an empty object (every detail null).
 */
export function searchHitDetailSql(columns: SearchHitDetailColumns): string {
  const pairs: string[] = [];
  for (const key of KEYS) {
    const expression = columns[key];
    if (expression === undefined) continue;
    if (!expression.trim()) throw new Error(`Search detail '${key}' has an empty SQL expression`);
    pairs.push(`'${key}', ${expression}`);
  }
  return `json_build_object(${pairs.join(', ')})`;
}
