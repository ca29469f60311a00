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

  it('takes the lock that orders commits by seq, inserts and notifies in one statement, ids only', async () => {
    const query = jest.fn().mockResolvedValueOnce([
      {
        seq: '42',
        type: 'COMMENT_CREATED',
        subject_type: 'COMMENT',
        subject_id: 'c',
        parent_type: 'ANNOTATION',
        parent_id: 'a',
        document_id: 'd',
        space_id: null,
        thread_id: null,
        consultation_id: null,
        actor_id: 'u',
        created_at: new Date('2026-12-01T12:00:00Z'),
      },
    ]);
    const manager = { queryRunner: { isTransactionActive: true }, query } as unknown as EntityManager;
    const event = await recordEvent(manager, {
      type: 'COMMENT_CREATED',
      subjectType: 'COMMENT',
      subjectId: 'c',
      parentType: 'ANNOTATION',
      parentId: 'a',
      documentId: 'd',
      actorId: 'u',
    });
    expect(query).toHaveBeenCalledTimes(1);
    // The lock is taken in the INSERT's source, so before the sequence is drawn and the time read.
    expect(query.mock.calls[0][0]).toMatch(
      /INSERT INTO events[\s\S]*clock_timestamp\(\)[\s\S]*FROM \(SELECT pg_advisory_xact_lock\(\d+\) OFFSET 0\)[\s\S]*pg_notify\('majlis_events', row_to_json/,
    );
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
    expect(event).toEqual({
      seq: 42,
      type: 'COMMENT_CREATED',
      subjectType: 'COMMENT',
      subjectId: 'c',
      parentType: 'ANNOTATION',
      parentId: 'a',
      documentId: 'd',
      spaceId: null,
      threadId: null,
      consultationId: null,
      actorId: 'u',
      createdAt: '2026-12-01T12:00:00.000Z',
    });
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
    expect(sql).toMatch(/FROM written, \(SELECT pg_advisory_xact_lock/);
    expect(params).toEqual(['Bonjour', 'COMMENT_CREATED', 'COMMENT', 'THREAD', 't', null, null, 't', null, null]);
  });

  it('reads a notification payload (row_to_json) like a row', () => {
    const payload = JSON.parse(
      '{"seq":7,"type":"CONTENT_HIDDEN","subject_type":"ANNOTATION","subject_id":"a","parent_type":null,"parent_id":null,"document_id":"d","space_id":null,"thread_id":null,"consultation_id":null,"actor_id":null,"created_at":"2026-12-01T12:00:00.123456+00:00"}',
    );
    expect(eventFromRow(payload)).toMatchObject({ seq: 7, type: 'CONTENT_HIDDEN', documentId: 'd', actorId: null });
  });
});
