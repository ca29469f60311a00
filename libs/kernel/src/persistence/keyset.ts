import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { PageWindow } from '../pagination/connection';
import { CursorPartType, cursorValues } from '../pagination/cursor';

/** One column of a keyset ordering; every ordering ends with a unique column (usually the id). */
export interface KeysetColumn {
  /** SQL expression, e.g. `org.name`. */
  readonly expression: string;
  /** The property of the fetched entity holding the value, used to build the cursor. */
  readonly property: string;
  readonly type: CursorPartType;
  /** ASC unless said otherwise. */
  readonly direction?: 'ASC' | 'DESC';
}

/** A keyset page as SQL pieces, for statements written by hand (`applyKeyset` applies them to a query builder). */
export interface KeysetSql {
  /** The condition "after the cursor", or null on the first page; binds `:keyset_<n>` (in `params`). */
  readonly after: string | null;
  /** The ORDER BY list, without the keywords. */
  readonly orderBy: string;
  /** Page size + 1: one more row tells whether there is a next page. */
  readonly limit: number;
  readonly params: Record<string, unknown>;
}

/**
 * Keyset ("seek") pagination: ORDER BY the columns, WHERE the row comes after the cursor, LIMIT page size + 1.
 * Constant cost whatever the page number, unlike OFFSET. With every column in the same direction the condition is a
 * row comparison (index-friendly, either way); with mixed directions it is the expanded OR-chain. The cursor is
 * checked part by part against the columns' SQL types (`cursorValues`).
 */
export function keysetSql(columns: readonly KeysetColumn[], window: PageWindow): KeysetSql {
  const orderBy = columns.map((column) => `${column.expression} ${column.direction ?? 'ASC'}`).join(', ');
  const limit = window.limit + 1;
  if (!window.after) return { after: null, orderBy, limit, params: {} };
  const after = cursorValues(
    window.after,
    columns.map((column) => column.type),
  );
  const params: Record<string, unknown> = {};
  const values = columns.map((column, index) => {
    params[`keyset_${index}`] = after[index];
    return `CAST(:keyset_${index} AS ${column.type})`;
  });
  const direction = columns[0].direction ?? 'ASC';
  const uniform = columns.every((column) => (column.direction ?? 'ASC') === direction);
  const condition = uniform
    ? `(${columns.map((column) => column.expression).join(', ')}) ${direction === 'ASC' ? '>' : '<'} (${values.join(', ')})`
    : columns
        .map((column, index) => {
          const equalBefore = columns.slice(0, index).map((previous, j) => `${previous.expression} = ${values[j]}`);
          const operator = (column.direction ?? 'ASC') === 'ASC' ? '>' : '<';
          return `(${[...equalBefore, `${column.expression} ${operator} ${values[index]}`].join(' AND ')})`;
        })
        .join(' OR ');
  return { after: `(${condition})`, orderBy, limit, params };
}

/** Applies `keysetSql` to a query builder. */
export function applyKeyset<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  columns: readonly KeysetColumn[],
  window: PageWindow,
): SelectQueryBuilder<T> {
  columns.forEach((column, index) =>
    index === 0
      ? query.orderBy(column.expression, column.direction ?? 'ASC')
      : query.addOrderBy(column.expression, column.direction ?? 'ASC'),
  );
  const page = keysetSql(columns, window);
  if (page.after) query.andWhere(page.after, page.params);
  return query.take(undefined).limit(page.limit);
}

export function keysetKeyOf<T>(columns: readonly KeysetColumn[]) {
  return (row: T): (string | number)[] =>
    columns.map((column) => {
      const value = (row as Record<string, unknown>)[column.property];
      if (value instanceof Date) return value.toISOString();
      if (typeof value === 'boolean') return String(value);
      return value as string | number;
    });
}
