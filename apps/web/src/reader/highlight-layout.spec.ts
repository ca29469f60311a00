import { layoutHighlights, readingOrder, segmentAt, type Span } from './highlight-layout';

const span = (id: string, start: number, end: number, motivation: Span['motivation'] = 'COMMENTING'): Span => ({
  id,
  start,
  end,
  motivation,
});

describe('highlight layout', () => {
  it('draws a lone annotation as one segment', () => {
    expect(layoutHighlights([span('a', 2, 8)])).toEqual([
      { start: 2, end: 8, ids: ['a'], primary: 'COMMENTING', depth: 1 },
    ]);
  });

  it('cuts overlapping annotations into disjoint segments with their depth', () => {
    const segments = layoutHighlights([span('a', 0, 10), span('b', 5, 15, 'OBJECTING')]);
    expect(segments.map(({ start, end, depth, ids, primary }) => ({ start, end, depth, ids, primary }))).toEqual([
      { start: 0, end: 5, depth: 1, ids: ['a'], primary: 'COMMENTING' },
      { start: 5, end: 10, depth: 2, ids: ['a', 'b'], primary: 'OBJECTING' },
      { start: 10, end: 15, depth: 1, ids: ['b'], primary: 'OBJECTING' },
    ]);
  });

  it('lists the shortest (most specific) annotation first in a nested overlap', () => {
    const segments = layoutHighlights([span('long', 0, 100), span('short', 40, 45), span('mid', 30, 60)]);
    expect(segmentAt(segments, 42)!.ids).toEqual(['short', 'mid', 'long']);
    expect(segmentAt(segments, 42)!.depth).toBe(3);
  });

  it('lets an objection win the cue over support on the same passage', () => {
    const [segment] = layoutHighlights([span('s', 0, 5, 'SUPPORTING'), span('o', 0, 5, 'OBJECTING')]);
    expect(segment!.primary).toBe('OBJECTING');
    expect(segment!.depth).toBe(2);
  });

  it('leaves gaps between annotations undrawn and touching ones separate', () => {
    const segments = layoutHighlights([span('a', 0, 3), span('b', 3, 6), span('c', 10, 12)]);
    expect(segments.map((segment) => [segment.start, segment.end, segment.ids.join()])).toEqual([
      [0, 3, 'a'],
      [3, 6, 'b'],
      [10, 12, 'c'],
    ]);
    expect(segmentAt(segments, 8)).toBeNull();
  });

  it('ignores empty spans and is stable for identical passages', () => {
    const segments = layoutHighlights([span('b', 4, 9), span('a', 4, 9), span('empty', 5, 5)]);
    expect(segments).toEqual([{ start: 4, end: 9, ids: ['a', 'b'], primary: 'COMMENTING', depth: 2 }]);
  });

  it('orders annotations for the next-highlight key by start, then end', () => {
    expect(readingOrder([span('c', 10, 12), span('b', 0, 9), span('a', 0, 3)])).toEqual(['a', 'b', 'c']);
  });

  it('lays out a thousand overlapping annotations into disjoint, sorted segments', () => {
    const spans = Array.from({ length: 1000 }, (_, i) =>
      span(`n${i}`, (i * 37) % 5000, ((i * 37) % 5000) + 20 + (i % 50)),
    );
    const segments = layoutHighlights(spans);
    for (let i = 1; i < segments.length; i++) expect(segments[i]!.start).toBeGreaterThanOrEqual(segments[i - 1]!.end);
    for (const s of spans) expect(segmentAt(segments, s.start)!.ids).toContain(s.id);
  });
});
