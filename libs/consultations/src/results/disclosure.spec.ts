import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { countsByKind, spreadsheetSafe } from './disclosure';

describe('spreadsheetSafe', () => {
  it.each([
    ['=HYPERLINK("http://evil.example","x")', `'=HYPERLINK("http://evil.example","x")`],
    ['+33 6 12', `'+33 6 12`],
    ['-2+3+cmd|/C calc!A0', `'-2+3+cmd|/C calc!A0`],
    ['@SUM(A1:A9)', `'@SUM(A1:A9)`],
    ['\t=1+1', `'\t=1+1`],
    ['\r=1+1', `'\r=1+1`],
    ['  =1+1', `'  =1+1`],
    ['Avis = favorable', 'Avis = favorable'],
    ['رأي الشركة', 'رأي الشركة'],
    ['', ''],
  ])('%j → %j', (cell, safe) => {
    expect(spreadsheetSafe(cell)).toBe(safe);
  });

  it('survives a round trip through a CSV writer and parser', () => {
    const cells = ['=1+1', 'a "quoted", text'].map(spreadsheetSafe);
    expect(parse(stringify([cells]))).toEqual([[`'=1+1`, 'a "quoted", text']]);
  });
});

describe('countsByKind', () => {
  const kinds = (spec: Record<string, number>) => Object.entries(spec).flatMap(([kind, n]) => Array(n).fill(kind));

  it.each([
    [
      { COMPANY: 4, FEDERATION: 3 },
      3,
      [
        { kind: 'COMPANY', count: 4 },
        { kind: 'FEDERATION', count: 3 },
      ],
    ],
    [
      { COMPANY: 4, FEDERATION: 3, INSTITUTION: 1 },
      3,
      [
        { kind: 'COMPANY', count: 4 },
        { kind: 'OTHER', count: 4 },
      ],
    ],
    [
      { COMPANY: 5, FEDERATION: 1, INSTITUTION: 2 },
      3,
      [
        { kind: 'COMPANY', count: 5 },
        { kind: 'OTHER', count: 3 },
      ],
    ],
    [{ COMPANY: 1, FEDERATION: 1, INSTITUTION: 1 }, 3, [{ kind: 'OTHER', count: 3 }]],
    [{ INSTITUTION: 1 }, 3, [{ kind: 'OTHER', count: 1 }]],
    [
      { COMPANY: 1, INSTITUTION: 1 },
      1,
      [
        { kind: 'COMPANY', count: 1 },
        { kind: 'INSTITUTION', count: 1 },
      ],
    ],
    [{}, 3, []],
  ])('%j with a minimum of %i → %j', (spec, minimum, expected) => {
    expect(countsByKind(kinds(spec), minimum)).toEqual(expected);
  });
});
