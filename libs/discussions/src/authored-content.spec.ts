import { Actor } from '@majlis/kernel';
import { EntityManager, getMetadataArgsStorage } from 'typeorm';
import {
  AuthoredContent,
  EditedAuthoredContent,
  isShown,
  liveRepliesSql,
  presentSql,
  shownSql,
  softDelete,
} from './authored-content';
import { AuthoredContentPolicy } from './authored-content.policy';
import { Comment } from './comments/comment.entity';
import { Thread } from './threads/thread.entity';

const member: Actor = { userId: 'u1', platformRole: 'MEMBER', memberships: [] };

/** The columns TypeORM maps for an entity class, its ancestors' included (as it builds its metadata). */
function columnsOf(target: abstract new () => unknown): string[] {
  const chain: unknown[] = [];
  for (let cls: unknown = target; cls && cls !== Function.prototype; cls = Object.getPrototypeOf(cls)) chain.push(cls);
  return getMetadataArgsStorage()
    .columns.filter((column) => chain.includes(column.target))
    .map((column) => String(column.options.name ?? column.propertyName))
    .sort();
}

describe('authored content: the columns', () => {
  const shared = ['author_id', 'created_at', 'deleted_at', 'id', 'organization_id', 'updated_at', 'version'];

  it('declares author, organisation, deletion, timestamps and version once, in the base class', () => {
    expect(columnsOf(AuthoredContent)).toEqual(shared);
    expect(columnsOf(EditedAuthoredContent)).toEqual([...shared, 'edited_at'].sort());
  });

  it.each([
    ['threads', Thread],
    ['comments', Comment],
  ])('%s carry the whole set, edited_at included', (_name, entity) => {
    expect(columnsOf(entity)).toEqual(expect.arrayContaining([...shared, 'edited_at']));
  });

  it('maps the version as a version column (TypeORM bumps it on every update, nobody by hand)', () => {
    const versions = getMetadataArgsStorage().columns.filter((column) => column.mode === 'version');
    expect(versions.filter((column) => column.target === AuthoredContent).map((c) => c.propertyName)).toEqual([
      'version',
    ]);
  });
});

describe('authored content: the tombstone rule', () => {
  it.each<[boolean, boolean, boolean]>([
    [true, false, true],
    [true, true, true],
    [false, true, true],
    [false, false, false],
  ])('present %s, live replies %s → shown %s', (present, replies, shown) => {
    expect(isShown(present, replies)).toBe(shown);
    expect(AuthoredContentPolicy.isShown(present, replies)).toBe(shown);
  });

  it('counts the replies under a subject (annotation, thread) by subject, under a comment by parent', () => {
    expect(liveRepliesSql('ANNOTATION', 'a')).toContain(
      "live_reply.subject_type = 'ANNOTATION' AND live_reply.subject_id = a.id",
    );
    expect(liveRepliesSql('THREAD', 't')).toContain(
      "live_reply.subject_type = 'THREAD' AND live_reply.subject_id = t.id",
    );
    expect(liveRepliesSql('COMMENT', 'c')).toContain('live_reply.parent_id = c.id');
    for (const type of ['ANNOTATION', 'THREAD', 'COMMENT'] as const)
      expect(liveRepliesSql(type, 'x')).toContain('live_reply.deleted_at IS NULL');
  });

  it('present: not deleted, and not hidden by moderation for this viewer (bound as parameters)', () => {
    const present = presentSql('ANNOTATION', 'a', member);
    expect(present.sql).toMatch(/^\(a\.deleted_at IS NULL AND NOT EXISTS \(SELECT 1 FROM content_moderation/);
    expect(present.sql).toContain("moderation.content_type = 'ANNOTATION'");
    expect(present.params).toMatchObject({ moderationViewer: 'u1' });
  });

  it('present in a space: the space moderators see hidden content (their spaces are bound)', () => {
    const present = presentSql('THREAD', 't', member, { sql: 'SELECT 1', params: { spaces: 'bound' } });
    expect(present.sql).toContain('moderation.space_id IN (SELECT 1)');
    expect(present.params).toMatchObject({ spaces: 'bound', moderationViewer: 'u1' });
    expect(AuthoredContentPolicy.presentSql('COMMENT', 'c', member).sql).toContain('moderation.space_id IN (');
  });

  it('shown: present, or live replies under it, with the presence parameters', () => {
    const present = presentSql('COMMENT', 'c', member);
    const shown = shownSql('COMMENT', 'c', present);
    expect(shown).toEqual({ sql: `(${present.sql} OR ${liveRepliesSql('COMMENT', 'c')})`, params: present.params });
    expect(AuthoredContentPolicy.shownSql('THREAD', 't', member).sql).toContain(liveRepliesSql('THREAD', 't'));
  });
});

describe('authored content: soft delete', () => {
  const at = new Date('2026-12-01T10:00:00Z');
  const stored = { id: 'c1', deletedAt: at, version: 3 };

  /** An EntityManager that records the statements built, and whose UPDATE touches `affected` rows. */
  function recordingManager(affected: number) {
    const calls: string[] = [];
    const update = {
      set: (changes: object) => (calls.push(`set ${JSON.stringify(changes)}`), update),
      where: (sql: string, params: object) => (calls.push(`where ${sql} ${JSON.stringify(params)}`), update),
      execute: async () => (calls.push('execute'), { affected }),
    };
    const select = {
      where: (sql: string, params: object) => (calls.push(`select ${sql} ${JSON.stringify(params)}`), select),
      getOneOrFail: async () => stored,
    };
    const manager = {
      createQueryBuilder: () => ({
        update: (entity: unknown) => (calls.push(`update ${String(entity === Comment)}`), update),
      }),
      getRepository: () => ({ createQueryBuilder: () => select }),
    } as unknown as EntityManager;
    return { calls, manager };
  }

  it('sets deleted_at on a live row only (the version moves by TypeORM) and answers the row as it now is', async () => {
    const { calls, manager } = recordingManager(1);
    await expect(softDelete(manager, Comment, 'c1', at)).resolves.toEqual({ content: stored, deletedNow: true });
    expect(calls).toEqual([
      'update true',
      `set ${JSON.stringify({ deletedAt: at })}`,
      'where id = :id AND deleted_at IS NULL {"id":"c1"}',
      'execute',
      'select content.id = :id {"id":"c1"}',
    ]);
  });

  it('says a second delete changed nothing (no row updated), and answers the tombstone as it is', async () => {
    const { manager } = recordingManager(0);
    await expect(softDelete(manager, Comment, 'c1', at)).resolves.toEqual({ content: stored, deletedNow: false });
  });
});
