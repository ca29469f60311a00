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

/**
 * Applies keyset ("seek") pagination to a query: ORDER BY the columns, WHERE the row comes after the cursor,
 * LIMIT page size + 1. Constant cost whatever the page number, unlike OFFSET. With every column ascending the
 * condition is a row comparison (index-friendly); with mixed directions it is the expanded OR-chain.
 */
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
  if (window.after) {
    const after = cursorValues(
      window.after,
      columns.map((column) => column.type),
    );
    const params: Record<string, unknown> = {};
    const values = columns.map((column, index) => {
      params[`keyset_${index}`] = after[index];
      return `CAST(:keyset_${index} AS ${column.type})`;
    });
    const ascending = columns.every((column) => (column.direction ?? 'ASC') === 'ASC');
    const condition = ascending
      ? `(${columns.map((column) => column.expression).join(', ')}) > (${values.join(', ')})`
      : columns
          .map((column, index) => {
            const equalBefore = columns.slice(0, index).map((previous, j) => `${previous.expression} = ${values[j]}`);
            const operator = (column.direction ?? 'ASC') === 'ASC' ? '>' : '<';
            return `(${[...equalBefore, `${column.expression} ${operator} ${values[index]}`].join(' AND ')})`;
          })
          .join(' OR ');
    query.andWhere(`(${condition})`, params);
  }
  return query.take(undefined).limit(window.limit + 1);
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
