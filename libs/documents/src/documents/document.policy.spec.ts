import { Actor } from '@majlis/kernel';
import type { DocumentStatus } from './document.entity';
import { DocumentPolicy } from './document.policy';

const actors: Record<string, Actor> = {
  admin: { userId: 'u-admin', platformRole: 'ADMIN', memberships: [] },
  moderator: { userId: 'u-mod', platformRole: 'MODERATOR', memberships: [] },
  representative: {
    userId: 'u-rep',
    platformRole: 'MEMBER',
    memberships: [{ organizationId: 'fmo', role: 'REPRESENTATIVE' }],
  },
  member: { userId: 'u-mem', platformRole: 'MEMBER', memberships: [{ organizationId: 'fmo', role: 'MEMBER' }] },
  unaffiliated: { userId: 'u-none', platformRole: 'MEMBER', memberships: [] },
};
const NOW = new Date('2026-06-01T12:00:00Z');
const document = (status: DocumentStatus) => ({
  status,
  commentsOpenAt: new Date('2026-05-01T00:00:00Z'),
  commentsCloseAt: new Date('2026-07-01T00:00:00Z'),
});

/** role × action × document state → allowed. */
const MATRIX: [string, DocumentStatus, { see: boolean; manage: boolean; annotate: boolean; reply: boolean }][] = [
  ['admin', 'DRAFT', { see: true, manage: true, annotate: false, reply: true }],
  ['admin', 'OPEN_FOR_COMMENT', { see: true, manage: true, annotate: true, reply: true }],
  ['admin', 'CLOSED', { see: true, manage: true, annotate: false, reply: true }],
  ['admin', 'ADOPTED', { see: true, manage: true, annotate: false, reply: true }],
  ['moderator', 'DRAFT', { see: true, manage: true, annotate: false, reply: true }],
  ['moderator', 'OPEN_FOR_COMMENT', { see: true, manage: true, annotate: true, reply: true }],
  ['moderator', 'CLOSED', { see: true, manage: true, annotate: false, reply: true }],
  ['moderator', 'ADOPTED', { see: true, manage: true, annotate: false, reply: true }],
  ['representative', 'DRAFT', { see: false, manage: false, annotate: false, reply: false }],
  ['representative', 'OPEN_FOR_COMMENT', { see: true, manage: false, annotate: true, reply: true }],
  ['representative', 'CLOSED', { see: true, manage: false, annotate: false, reply: false }],
  ['representative', 'ADOPTED', { see: true, manage: false, annotate: false, reply: false }],
  ['member', 'DRAFT', { see: false, manage: false, annotate: false, reply: false }],
  ['member', 'OPEN_FOR_COMMENT', { see: true, manage: false, annotate: true, reply: true }],
  ['member', 'CLOSED', { see: true, manage: false, annotate: false, reply: false }],
  ['member', 'ADOPTED', { see: true, manage: false, annotate: false, reply: false }],
  ['unaffiliated', 'DRAFT', { see: false, manage: false, annotate: false, reply: false }],
  ['unaffiliated', 'OPEN_FOR_COMMENT', { see: true, manage: false, annotate: true, reply: true }],
  ['unaffiliated', 'CLOSED', { see: true, manage: false, annotate: false, reply: false }],
  ['unaffiliated', 'ADOPTED', { see: true, manage: false, annotate: false, reply: false }],
];

describe('DocumentPolicy', () => {
  it.each(MATRIX)('%s on a %s document', (role, status, expected) => {
    const actor = actors[role];
    expect({
      see: DocumentPolicy.canSee(actor, document(status)),
      manage: DocumentPolicy.canManage(actor),
      annotate: DocumentPolicy.canAnnotate(actor, document(status), NOW),
      reply: DocumentPolicy.canReplyNow(actor, document(status), NOW),
    }).toEqual(expected);
  });

  it.each(MATRIX)('%s on a %s document: the SQL twin of canSee agrees', (role, status, expected) => {
    expect(evaluateStatusSql(DocumentPolicy.visibleSql(actors[role], 'doc').sql, status)).toBe(expected.see);
  });

  it('takes annotations only inside the comment window', () => {
    const open = document('OPEN_FOR_COMMENT');
    expect(DocumentPolicy.isOpenForComment(open, new Date('2026-04-30T23:59:59Z'))).toBe(false);
    expect(DocumentPolicy.isOpenForComment(open, new Date('2026-07-01T00:00:00Z'))).toBe(false);
    expect(DocumentPolicy.canReplyNow(actors['member'], open, new Date('2026-07-02T00:00:00Z'))).toBe(false);
    expect(DocumentPolicy.canReplyNow(actors['moderator'], open, new Date('2026-07-02T00:00:00Z'))).toBe(true);
  });
});

/** Evaluates the twin's tiny SQL grammar (TRUE, or `doc.status <> 'X'`) on one row; the e2e suites run it for real. */
function evaluateStatusSql(sql: string, status: DocumentStatus): boolean {
  if (sql === 'TRUE') return true;
  const match = /^doc\.status <> '(\w+)'$/.exec(sql);
  if (!match) throw new Error(`unexpected SQL: ${sql}`);
  return status !== match[1];
}
