import type { EntityManager } from 'typeorm';
import { eventFromRow, recordEvent } from './domain-events';

describe('domain events', () => {
  it('refuses to record outside a transaction (the event must commit, or not, with its write)', async () => {
    const manager = { queryRunner: undefined, query: jest.fn() } as unknown as EntityManager;
    await expect(
      recordEvent(manager, { type: 'ANNOTATION_CREATED', subjectType: 'ANNOTATION', subjectId: 'x' }),
    ).rejects.toThrow(/inside the transaction/);
    expect(manager.query).not.toHaveBeenCalled();
  });

  it('orders commits by seq, then inserts and notifies in one statement, ids only', async () => {
    const query = jest
      .fn()
      .mockResolvedValueOnce([])
      .mockResolvedValueOnce([
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
    expect(query.mock.calls[0][0]).toMatch(/pg_advisory_xact_lock/);
    expect(query.mock.calls[1][0]).toMatch(/INSERT INTO events[\s\S]*pg_notify\('majlis_events', row_to_json/);
    expect(query.mock.calls[1][1]).toEqual([
      'COMMENT_CREATED',
      'COMMENT',
      'c',
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

  it('reads a notification payload (row_to_json) like a row', () => {
    const payload = JSON.parse(
      '{"seq":7,"type":"CONTENT_HIDDEN","subject_type":"ANNOTATION","subject_id":"a","parent_type":null,"parent_id":null,"document_id":"d","space_id":null,"thread_id":null,"consultation_id":null,"actor_id":null,"created_at":"2026-12-01T12:00:00.123456+00:00"}',
    );
    expect(eventFromRow(payload)).toMatchObject({ seq: 7, type: 'CONTENT_HIDDEN', documentId: 'd', actorId: null });
  });
});
