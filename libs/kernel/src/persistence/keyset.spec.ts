import { InvalidInputError } from '../errors/domain-error';
import { pageWindow } from '../pagination/connection';
import { encodeCursor } from '../pagination/cursor';
import { KeysetColumn, keysetKeyOf, keysetSql } from './keyset';

const ID = '0b7c1d2e-7c5a-4b8e-9a55-7d1c0a8e3f40';
const NEWEST_FIRST: KeysetColumn[] = [
  { expression: 'a.created_at', property: 'createdAt', type: 'timestamptz', direction: 'DESC' },
  { expression: 'a.id', property: 'id', type: 'uuid', direction: 'DESC' },
];

describe('keysetSql', () => {
  it('orders and limits the first page without a condition', () => {
    expect(keysetSql(NEWEST_FIRST, pageWindow({ first: 5 }))).toEqual({
      after: null,
      orderBy: 'a.created_at DESC, a.id DESC',
      limit: 6,
      params: {},
    });
  });

  it('seeks with one row comparison when every column goes the same way', () => {
    const after = encodeCursor(['2026-01-01T00:00:00.000Z', ID]);
    const page = keysetSql(NEWEST_FIRST, pageWindow({ first: 5, after }));
    expect(page.after).toBe('((a.created_at, a.id) < (CAST(:keyset_0 AS timestamptz), CAST(:keyset_1 AS uuid)))');
    expect(page.params).toEqual({ keyset_0: '2026-01-01T00:00:00.000Z', keyset_1: ID });
    const ascending = NEWEST_FIRST.map(({ direction: _direction, ...column }) => column);
    expect(keysetSql(ascending, pageWindow({ after })).after).toContain(') > (');
  });

  it('expands mixed directions into the OR-chain', () => {
    const columns: KeysetColumn[] = [
      { expression: 'o.name', property: 'name', type: 'text' },
      { expression: 'o.id', property: 'id', type: 'uuid', direction: 'DESC' },
    ];
    const page = keysetSql(columns, pageWindow({ after: encodeCursor(['Fédération', ID]) }));
    expect(page.after).toBe(
      '((o.name > CAST(:keyset_0 AS text)) OR (o.name = CAST(:keyset_0 AS text) AND o.id < CAST(:keyset_1 AS uuid)))',
    );
  });

  it('refuses a cursor whose parts do not fit the columns', () => {
    const after = encodeCursor(['not a date', ID]);
    expect(() => keysetSql(NEWEST_FIRST, pageWindow({ after }))).toThrow(InvalidInputError);
  });

  it('keys a row by its columns’ properties, dates as ISO strings', () => {
    const key = keysetKeyOf(NEWEST_FIRST)({ createdAt: new Date('2026-01-01T00:00:00Z'), id: ID });
    expect(key).toEqual(['2026-01-01T00:00:00.000Z', ID]);
  });
});
