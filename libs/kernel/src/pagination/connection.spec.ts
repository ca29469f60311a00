import { InvalidInputError } from '../errors/domain-error';
import { MAX_PAGE_SIZE, pageWindow, toConnection } from './connection';
import { decodeCursor, encodeCursor } from './cursor';

describe('Relay connections', () => {
  it('round-trips keyset positions through opaque cursors', () => {
    const cursor = encodeCursor(['Fédération — الجامعة', '0b7c1d2e-7c5a-4b8e-9a55-7d1c0a8e3f40']);
    expect(cursor).not.toContain('Fédération');
    expect(decodeCursor(cursor)).toEqual(['Fédération — الجامعة', '0b7c1d2e-7c5a-4b8e-9a55-7d1c0a8e3f40']);
  });

  it.each([
    '',
    'not base64 at all!',
    Buffer.from('{"a":1}').toString('base64url'),
    Buffer.from('[]').toString('base64url'),
    'x'.repeat(600),
  ])('refuses the forged cursor %j with a field error on `after`', (cursor) => {
    expect(() => decodeCursor(cursor)).toThrow(InvalidInputError);
    try {
      decodeCursor(cursor);
    } catch (error) {
      expect((error as InvalidInputError).fields).toEqual({ after: 'is not a valid cursor' });
    }
  });

  it('bounds the page size', () => {
    expect(pageWindow({}).limit).toBe(20);
    expect(pageWindow({ first: MAX_PAGE_SIZE }).limit).toBe(MAX_PAGE_SIZE);
    for (const first of [MAX_PAGE_SIZE + 1, -1, 2.5]) expect(() => pageWindow({ first })).toThrow(InvalidInputError);
  });

  it('uses the extra row only to say whether a next page exists', () => {
    const window = pageWindow({ first: 2 });
    const page = toConnection([{ id: 'a' }, { id: 'b' }, { id: 'c' }], window, (row) => [row.id], 10);
    expect(page.edges.map((edge) => edge.node.id)).toEqual(['a', 'b']);
    expect(page.pageInfo).toEqual({
      hasNextPage: true,
      hasPreviousPage: false,
      startCursor: encodeCursor(['a']),
      endCursor: encodeCursor(['b']),
    });
    const last = toConnection(
      [{ id: 'c' }],
      pageWindow({ first: 2, after: encodeCursor(['b']) }),
      (row) => [row.id],
      10,
    );
    expect(last.pageInfo.hasNextPage).toBe(false);
    expect(last.pageInfo.hasPreviousPage).toBe(true);
  });
});
