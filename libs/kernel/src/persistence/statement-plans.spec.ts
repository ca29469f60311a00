import { StatementNames } from './statement-plans';

describe('StatementNames', () => {
  it('names a text on its hot run, keeps that name, and gives each text its own', () => {
    const names = new StatementNames(3, 10);
    expect([names.nameFor('a'), names.nameFor('a'), names.nameFor('a'), names.nameFor('a')]).toEqual([
      null,
      null,
      'majlis_1',
      'majlis_1',
    ]);
    expect([names.nameFor('b'), names.nameFor('b'), names.nameFor('b')]).toEqual([null, null, 'majlis_2']);
    expect(names.prepared).toBe(2);
  });

  it('names no more texts than its budget, and keeps the names it gave', () => {
    const names = new StatementNames(1, 2);
    expect(['a', 'b', 'c', 'd', 'a'].map((text) => names.nameFor(text))).toEqual([
      'majlis_1',
      'majlis_2',
      null,
      null,
      'majlis_1',
    ]);
    expect(names.prepared).toBe(2);
  });
});
