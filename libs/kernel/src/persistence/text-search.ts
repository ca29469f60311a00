/**
 * SQL: the row's `search_vector` (a generated column, see migration AddSearch) matches what a person typed, in every
 * language, with the database's one normalisation (`search_query`): the optional text filter of lists (annotations
 * of a version, threads of a space) and the search itself share it. Binds :textFilter.
 */
export function textMatchSql(vector: string, text: string): { sql: string; params: Record<string, unknown> } {
  return { sql: `${vector} @@ search_query(:textFilter, '')`, params: { textFilter: text } };
}
