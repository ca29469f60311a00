import { InvalidInputError } from '../errors/domain-error';
import { MAX_PAGE_SIZE, pageWindow, toConnection } from './connection';
import { cursorValues, decodeCursor, encodeCursor } from './cursor';

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

describe('lazy cursors', () => {
  it("encodes an edge's cursor only when it is read, and once", () => {
    const keyOf = jest.fn((row: { id: string }) => [row.id]);
    const page = toConnection([{ id: 'a' }, { id: 'b' }, { id: 'c' }], pageWindow({ first: 3 }), keyOf, 3);
    expect(keyOf.mock.calls.map(([row]) => row.id)).toEqual(['a', 'c']);
    expect(page.edges[1].cursor).toBe(encodeCursor(['b']));
    expect(page.edges[1].cursor).toBe(encodeCursor(['b']));
    expect(page.edges.map((edge) => edge.cursor)).toEqual([
      encodeCursor(['a']),
      encodeCursor(['b']),
      encodeCursor(['c']),
    ]);
    expect(keyOf.mock.calls.map(([row]) => row.id)).toEqual(['a', 'c', 'b']);
  });
});

describe('a lazy total', () => {
  it('counts only when totalCount is read, and once', async () => {
    const count = jest.fn(() => Promise.resolve(7));
    const page = toConnection([{ id: 'a' }], pageWindow({ first: 2 }), (row) => [row.id], count);
    expect(page.edges).toHaveLength(1);
    expect(count).not.toHaveBeenCalled();
    expect(await page.totalCount).toBe(7);
    expect(await page.totalCount).toBe(7);
    expect(count).toHaveBeenCalledTimes(1);
  });
});

describe('cursorValues', () => {
  const id = '7d1c0a8e-7c5a-4b8e-9a55-0b7c1d2e3f40';
  it('checks each part against its SQL type', () => {
    expect(cursorValues(['Atlas', id], ['text', 'uuid'])).toEqual(['Atlas', id]);
    expect(cursorValues(['2026-01-01T00:00:00.000Z', 3, 'true'], ['timestamptz', 'integer', 'boolean'])).toEqual([
      '2026-01-01T00:00:00.000Z',
      3,
      true,
    ]);
    for (const [key, types] of [
      [
        ['Atlas', 'x'],
        ['text', 'uuid'],
      ],
      [['Atlas'], ['text', 'uuid']],
      [
        ['a\u0000', id],
        ['text', 'uuid'],
      ],
      [
        ['yesterday', id],
        ['timestamptz', 'uuid'],
      ],
      [
        [1.5, id],
        ['integer', 'uuid'],
      ],
    ] as const) {
      expect(() => cursorValues(key, types)).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT' }));
    }
  });
});
