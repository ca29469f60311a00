import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  AUDIT_EVENTS_CHAIN,
  ChainChecker,
  ChainKey,
  GENESIS_HASH,
  StoredChainRow,
  canonicalJson,
  chainRecord,
  timestampText,
} from './audit-chain';
import { CheckpointFile } from './checkpoints';

const key = new ChainKey('k'.repeat(40));

function chain(count: number): StoredChainRow[] {
  const rows: StoredChainRow[] = [];
  let previous = GENESIS_HASH;
  for (let index = 0; index < count; index++) {
    const record = chainRecord(AUDIT_EVENTS_CHAIN, {
      occurred_at: new Date(Date.UTC(2026, 10, 26, 10, index)),
      kind: 'SIGN_IN_SUCCEEDED',
      actor_id: `U${index}`,
      details: { ip: '127.0.0.1', n: index },
    });
    const hash = key.chainHash(previous, record);
    rows.push({ sequence: String(index + 1), keyed: true, previousHash: previous, hash, record });
    previous = hash;
  }
  return rows;
}

function verify(rows: StoredChainRow[], checkpoints: ConstructorParameters<typeof ChainChecker>[2] = []) {
  const checker = new ChainChecker('audit_events', key, checkpoints);
  for (const row of rows) if (!checker.check(row)) break;
  return checker.verdict();
}

describe('keyed chain', () => {
  it('accepts an intact chain', () => {
    expect(verify(chain(5))).toEqual({ chain: 'audit_events', ok: true, checked: 5, checkpoints: 0 });
  });

  it('names the altered row', () => {
    const rows = chain(5);
    rows[2] = { ...rows[2], record: { ...rows[2].record, details: { ip: '10.0.0.1', n: 2 } } };
    expect(verify(rows)).toEqual(
      expect.objectContaining({ ok: false, brokenAt: '3', problem: expect.stringContaining('altered') }),
    );
  });

  it('names the first row whose unkeyed SHA-256 was recomputed', () => {
    const rows = chain(5);
    let previous = rows[1].hash!;
    for (const index of [2, 3, 4]) {
      const record = index === 2 ? { ...rows[2].record, kind: 'FORGED' } : rows[index].record;
      const hash = createHash('sha256')
        .update(`${previous}\n${canonicalJson(record)}`)
        .digest('hex');
      rows[index] = { ...rows[index], record, previousHash: previous, hash };
      previous = hash;
    }
    expect(verify(rows)).toEqual(expect.objectContaining({ ok: false, brokenAt: '3' }));
  });

  it('names the row after a removed one, and a removed last row against a checkpoint', () => {
    const rows = chain(5);
    expect(verify([...rows.slice(0, 1), ...rows.slice(2)])).toEqual(
      expect.objectContaining({ ok: false, brokenAt: '3', problem: expect.stringContaining('does not follow') }),
    );
    const checkpoint = { chain: 'audit_events', database: 'd', sequence: '5', hash: rows[4].hash!, at: 'T' };
    expect(verify(rows, [checkpoint])).toEqual(expect.objectContaining({ ok: true, checkpoints: 1 }));
    expect(verify(rows.slice(0, 3), [checkpoint])).toEqual(
      expect.objectContaining({ ok: false, brokenAt: '5', problem: expect.stringContaining('chain ends at #3') }),
    );
  });

  it('hashes timestamps to the microsecond', () => {
    expect(timestampText(new Date('2026-12-01T09:01:10.123Z'))).toBe('2026-12-01T09:01:10.123000Z');
    const rows = chain(2);
    rows[1] = { ...rows[1], record: { ...rows[1].record, occurred_at: '2026-11-26T10:01:00.000001Z' } };
    expect(verify(rows)).toEqual(expect.objectContaining({ ok: false, brokenAt: '2' }));
  });

  it('refuses unkeyed rows', () => {
    const rows = chain(2);
    rows[0] = { ...rows[0], keyed: false };
    expect(verify(rows)).toEqual(expect.objectContaining({ ok: false, brokenAt: '1' }));
  });

  it('hashes the same content the same way whatever its key order', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: 2 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[2,{"y":2,"z":1}]},"b":1}',
    );
  });

  it('gives stable pseudonyms that depend on the key', () => {
    expect(key.pseudonymOf(' Someone@Example.org ')).toBe(key.pseudonymOf('someone@example.org'));
    expect(new ChainKey('x'.repeat(40)).pseudonymOf('someone@example.org')).not.toBe(
      key.pseudonymOf('someone@example.org'),
    );
  });
});

describe('checkpoint file', () => {
  it('reads back signed checkpoints of its database and reports forged lines', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'majlis-checkpoints-')), 'checkpoints.jsonl');
    const file = new CheckpointFile(path, key);
    file.append({ chain: 'audit_events', database: 'a', sequence: '7', hash: 'h7', at: 'T1' });
    file.append({ chain: 'audit_events', database: 'b', sequence: '9', hash: 'h9', at: 'T2' });
    expect(file.read('a')).toEqual({
      checkpoints: [{ chain: 'audit_events', database: 'a', sequence: '7', hash: 'h7', at: 'T1' }],
      invalid: [],
    });
    const lines = readFileSync(path, 'utf8').split('\n');
    lines[0] = lines[0].replace('"7"', '"3"');
    writeFileSync(path, lines.join('\n'));
    expect(file.read('a')).toEqual({ checkpoints: [], invalid: [1] });
  });
});
