import { myersDiff } from './myers-diff';

/** Length of the longest common subsequence, by dynamic programming. */
function lcs(a: Int32Array, b: Int32Array): number {
  const row = new Int32Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    let diag = 0;
    for (let j = 1; j <= b.length; j++) {
      const up = row[j];
      row[j] = a[i - 1] === b[j - 1] ? diag + 1 : Math.max(row[j], row[j - 1]);
      diag = up;
    }
  }
  return row[b.length];
}

describe('myersDiff', () => {
  it('produces a minimal, consistent edit script', () => {
    let seed = 7;
    const rand = (n: number): number => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return (seed >>> 8) % n;
    };
    for (let round = 0; round < 200; round++) {
      const a = Int32Array.from({ length: rand(30) }, () => rand(5));
      const b = Int32Array.from({ length: rand(30) }, () => rand(5));
      const runs = myersDiff(a, b, a.length + b.length);
      expect(runs).not.toBeNull();
      let equal = 0;
      let i = 0;
      let j = 0;
      for (const r of runs!) {
        expect([r.aFrom, r.bFrom]).toEqual([i, j]);
        if (r.equal) {
          expect(Array.from(a.subarray(r.aFrom, r.aTo))).toEqual(Array.from(b.subarray(r.bFrom, r.bTo)));
          equal += r.aTo - r.aFrom;
        }
        i = r.aTo;
        j = r.bTo;
      }
      expect([i, j]).toEqual([a.length, b.length]);
      expect(equal).toBe(lcs(a, b));
    }
  });

  it('gives up beyond the edit budget', () => {
    const a = Int32Array.from([1, 2, 3, 4, 5, 6]);
    const b = Int32Array.from([7, 8, 9, 10, 11, 12]);
    expect(myersDiff(a, b, 5)).toBeNull();
    expect(myersDiff(a, b, 12)).toEqual([{ equal: false, aFrom: 0, aTo: 6, bFrom: 0, bTo: 6 }]);
    expect(myersDiff(a, a, 0)).toEqual([{ equal: true, aFrom: 0, aTo: 6, bFrom: 0, bTo: 6 }]);
  });
});
