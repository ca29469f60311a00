import { GENESIS_HASH, StoredAuditEvent, canonicalJson, chainHash, verifyChain } from './audit-chain';

function chain(count: number): StoredAuditEvent[] {
  const events: StoredAuditEvent[] = [];
  let previous = GENESIS_HASH;
  for (let index = 0; index < count; index++) {
    const record = {
      occurredAt: new Date(Date.UTC(2026, 10, 26, 10, index)),
      kind: 'SIGN_IN_SUCCEEDED',
      actorId: `u${index}`,
      subjectType: null,
      subjectId: null,
      details: { ip: '127.0.0.1', n: index },
    };
    const hash = chainHash(previous, record);
    events.push({ ...record, sequence: String(index + 1), previousHash: previous, hash });
    previous = hash;
  }
  return events;
}

describe('audit chain', () => {
  it('accepts an intact chain', () => {
    expect(verifyChain(chain(5))).toEqual({ ok: true, checked: 5 });
  });

  it('names the altered row', () => {
    const events = chain(5);
    events[2] = { ...events[2], details: { ip: '10.0.0.1', n: 2 } };
    expect(verifyChain(events)).toEqual(
      expect.objectContaining({ ok: false, brokenAt: '3', problem: expect.stringContaining('altered') }),
    );
  });

  it('names the row after a removed one', () => {
    const events = chain(5);
    events.splice(1, 1);
    expect(verifyChain(events)).toEqual(
      expect.objectContaining({ ok: false, brokenAt: '3', problem: expect.stringContaining('does not follow') }),
    );
  });

  it('hashes the same content the same way whatever its key order', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: 2 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[2,{"y":2,"z":1}]},"b":1}',
    );
  });
});
