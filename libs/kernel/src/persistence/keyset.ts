import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { InvalidInputError } from '../errors/domain-error';
import { PageWindow } from '../pagination/connection';

/** One column of a keyset ordering; every ordering ends with a unique column (usually the id). */
export interface KeysetColumn {
  /** SQL expression, e.g. `org.name`. */
  readonly expression: string;
  /** The property of the fetched entity holding the value, used to build the cursor. */
  readonly property: string;
  readonly type: 'text' | 'uuid' | 'timestamptz' | 'integer';
}

/**
 * Applies keyset ("seek") pagination to a query: ORDER BY the columns ascending, WHERE (columns) > (cursor),
 * LIMIT page size + 1. Constant cost whatever the page number, unlike OFFSET.
 */
export function applyKeyset<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  columns: readonly KeysetColumn[],
  window: PageWindow,
): SelectQueryBuilder<T> {
  columns.forEach((column, index) =>
    index === 0 ? query.orderBy(column.expression, 'ASC') : query.addOrderBy(column.expression, 'ASC'),
  );
  if (window.after) {
    if (window.after.length !== columns.length) throw InvalidInputError.field('after', 'is not a valid cursor');
    const params: Record<string, unknown> = {};
    const placeholders = columns.map((column, index) => {
      const name = `keyset_${index}`;
      params[name] = window.after![index];
      return `CAST(:${name} AS ${column.type})`;
    });
    query.andWhere(`(${columns.map((c) => c.expression).join(', ')}) > (${placeholders.join(', ')})`, params);
  }
  return query.take(undefined).limit(window.limit + 1);
}

export function keysetKeyOf<T>(columns: readonly KeysetColumn[]) {
  return (row: T): (string | number)[] =>
    columns.map((column) => {
      const value = (row as Record<string, unknown>)[column.property];
      return value instanceof Date ? value.toISOString() : (value as string | number);
    });
}
