import { namedQuery } from './named-sql';

describe('namedQuery', () => {
  it('numbers each name once, in order of first use, and leaves casts and literals alone', () => {
    const [text, values] = namedQuery(
      `SELECT '-infinity'::timestamptz, x FROM t WHERE a = :me AND b = ANY(CAST(:orgs AS uuid[])) AND c <> :me AND d = :key`,
      { me: 'u', orgs: ['o1', 'o2'], key: 7 },
    );
    expect(text).toBe(
      `SELECT '-infinity'::timestamptz, x FROM t WHERE a = $1 AND b = ANY(CAST($2 AS uuid[])) AND c <> $1 AND d = $3`,
    );
    expect(values).toEqual(['u', ['o1', 'o2'], 7]);
  });

  it('gives the values of each call to the same text', () => {
    const sql = `SELECT 1 WHERE a = :a AND b = :b`;
    expect(namedQuery(sql, { a: 1, b: 2 })[1]).toEqual([1, 2]);
    expect(namedQuery(sql, { b: 4, a: 3 })).toEqual([`SELECT 1 WHERE a = $1 AND b = $2`, [3, 4]]);
  });

  it('refuses a parameter without a value rather than binding undefined', () => {
    expect(() => namedQuery(`SELECT :missing`, {})).toThrow(':missing');
  });
});
