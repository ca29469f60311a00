/** Plain SQL with `:name` parameters, turned into PostgreSQL's `$n` once per text (see namedQuery). */
interface CompiledSql {
  readonly text: string;
  readonly names: readonly string[];
}

const NAMED = /(?<![:\w]):([A-Za-z_]\w*)/g;
const compiled = new Map<string, CompiledSql>();
/** The texts come from code (a few variants per statement); the bound is a safety net, not an LRU. */
const MAX_COMPILED = 1000;

/**
 * `sql` with its `:name` parameters (as TypeORM's query builder and the policies' SQL twins write them; `::type`
 * casts are left alone) as `$1…$n`, and the values in that order. The translation is done once per text and
 * remembered: hot reads skip the query builder, whose SQL generation costs more CPU than the statement itself
 * (issue 15). Each name must have a value; an array value is bound as one PostgreSQL array parameter.
 */
export function namedQuery(sql: string, params: Readonly<Record<string, unknown>>): [string, unknown[]] {
  let found = compiled.get(sql);
  if (!found) {
    const names: string[] = [];
    const text = sql.replace(NAMED, (_match, name: string) => {
      let index = names.indexOf(name);
      if (index < 0) index = names.push(name) - 1;
      return `$${index + 1}`;
    });
    found = { text, names };
    if (compiled.size >= MAX_COMPILED) compiled.clear();
    compiled.set(sql, found);
  }
  return [
    found.text,
    found.names.map((name) => {
      if (!(name in params)) throw new Error(`SQL parameter :${name} has no value`);
      return params[name];
    }),
  ];
}
