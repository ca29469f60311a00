import type { EntityManager } from 'typeorm';
import { eventFromRow, recordEvent, writeRecordingEvent } from './domain-events';

describe('domain events', () => {
  it('refuses to record outside a transaction (the event must commit, or not, with its write)', async () => {
    const manager = { queryRunner: undefined, query: jest.fn() } as unknown as EntityManager;
    await expect(
      recordEvent(manager, { type: 'ANNOTATION_CREATED', subjectType: 'ANNOTATION', subjectId: 'x' }),
    ).rejects.toThrow(/inside the transaction/);
    expect(manager.query).not.toHaveBeenCalled();
  });

  it("inserts the event in the caller's transaction, ids only; the commit numbers and notifies it", async () => {
    const query = jest.fn().mockResolvedValueOnce([]);
    const manager = { queryRunner: { isTransactionActive: true }, query } as unknown as EntityManager;
    await recordEvent(manager, {
      type: 'COMMENT_CREATED',
      subjectType: 'COMMENT',
      subjectId: 'c',
      parentType: 'ANNOTATION',
      parentId: 'a',
      documentId: 'd',
      actorId: 'u',
    });
    expect(query).toHaveBeenCalledTimes(1);
    // No lock and no notification here: the deferred trigger takes both at commit (migration NumberEventsAtCommit).
    expect(query.mock.calls[0][0]).toMatch(/^INSERT INTO events \(type, subject_type, subject_id,/);
    expect(query.mock.calls[0][0]).not.toMatch(/pg_advisory_xact_lock|pg_notify/);
    expect(query.mock.calls[0][1]).toEqual([
      'c',
      'COMMENT_CREATED',
      'COMMENT',
      'ANNOTATION',
      'a',
      'd',
      null,
      null,
      null,
      'u',
    ]);
  });

  it("writes a row and records its event in one statement, the event numbering its parameters after the write's", async () => {
    const query = jest.fn().mockResolvedValueOnce([{ id: 'c', body: 'Bonjour' }]);
    const written = await writeRecordingEvent<{ id: string; body: string }>(
      { query },
      { sql: 'INSERT INTO comments (body) VALUES ($1) RETURNING *', params: ['Bonjour'] },
      { type: 'COMMENT_CREATED', subjectType: 'COMMENT', parentType: 'THREAD', parentId: 't', threadId: 't' },
    );
    expect(written).toEqual({ id: 'c', body: 'Bonjour' });
    expect(query).toHaveBeenCalledTimes(1);
    const [sql, params] = query.mock.calls[0];
    expect(sql).toMatch(/^WITH written AS \(INSERT INTO comments \(body\) VALUES \(\$1\) RETURNING \*\)/);
    expect(sql).toMatch(/SELECT \$2::text, \$3::text, written\.id, \$4::text, \$5::uuid/);
    expect(sql).toMatch(/FROM written\s*\)\s*SELECT written\.\* FROM written$/);
    expect(params).toEqual(['Bonjour', 'COMMENT_CREATED', 'COMMENT', 'THREAD', 't', null, null, 't', null, null]);
  });

  it('reads a notification payload (row_to_json) like a row', () => {
    const payload = JSON.parse(
      '{"seq":7,"type":"CONTENT_HIDDEN","subject_type":"ANNOTATION","subject_id":"a","parent_type":null,"parent_id":null,"document_id":"d","space_id":null,"thread_id":null,"consultation_id":null,"actor_id":null,"created_at":"2026-12-01T12:00:00.123456+00:00"}',
    );
    expect(eventFromRow(payload)).toMatchObject({ seq: 7, type: 'CONTENT_HIDDEN', documentId: 'd', actorId: null });
  });
});
