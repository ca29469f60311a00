import { Actor } from '@majlis/kernel';
import type { SqlCondition } from '@majlis/kernel';
import { ContentType, ModerationPolicy } from '@majlis/moderation';
import {
  Column,
  CreateDateColumn,
  EntityManager,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';

/**
 * Authored content, one idiom for annotations, threads and comments: the columns they share, the soft delete that
 * leaves a tombstone, and the SQL for "present" and "shown" (present, or a tombstone above live replies). The rules
 * about who may do what stay in each area's policy (AnnotationPolicy, AuthoredContentPolicy); this module is the
 * mechanism they share. Spec: authored-content.spec.ts.
 *
 * The version: every entity here has a `@VersionColumn`, which TypeORM bumps (`version = version + 1`) on every
 * UPDATE made through a repository or a query builder, and `updated_at` likewise; so no caller sets it by hand.
 * Edits by people go through kernel `updateVersioned` (the optimistic check); other changes (pin, lock, an
 * official answer) are a plain `repository.update`.
 */
export abstract class AuthoredContent {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'author_id', type: 'uuid' })
  authorId: string;

  /** The organisation spoken for (its representative posted it), or null when posted as oneself. */
  @Column({ name: 'organization_id', type: 'uuid', nullable: true })
  organizationId: string | null;

  /** Set when its author deletes it; the row stays as a tombstone while replies hang under it. */
  @Column({ name: 'deleted_at', type: 'timestamptz', nullable: true })
  deletedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn()
  version: number;
}

/** Authored content whose text is edited in place (threads, comments); an annotation keeps its texts as revisions. */
export abstract class EditedAuthoredContent extends AuthoredContent {
  @Column({ name: 'edited_at', type: 'timestamptz', nullable: true })
  editedAt: Date | null;
}

/** The content types that are authored content, as moderation names them. */
export type AuthoredType = Extract<ContentType, 'ANNOTATION' | 'THREAD' | 'COMMENT'>;

/**
 * Soft delete by its author, in the caller's transaction: sets `deleted_at` (the version and `updated_at` move
 * with it) and answers the row as it now is, tombstone included. Idempotent: a row already deleted (a second
 * click, a retried request, two deletes at once) keeps its `deleted_at` and version, and `deletedNow` is false, so
 * that the caller records its event only once.
 */
export async function softDelete<T extends AuthoredContent>(
  manager: EntityManager,
  entity: new () => T,
  id: string,
  at: Date,
): Promise<{ content: T; deletedNow: boolean }> {
  const result = await manager
    .createQueryBuilder()
    .update<AuthoredContent>(entity)
    .set({ deletedAt: at })
    .where('id = :id AND deleted_at IS NULL', { id })
    .execute();
  const content = await manager
    .getRepository(entity)
    .createQueryBuilder('content')
    .where('content.id = :id', { id })
    .getOneOrFail();
  return { content, deletedNow: (result.affected ?? 0) > 0 };
}

/**
 * SQL: the row aliased `alias` is present for this actor: neither deleted by its author nor hidden by moderation
 * (ModerationPolicy: its author and its moderators still see it hidden; `moderatedSpaces` for content in spaces).
 */
export function presentSql(
  type: AuthoredType,
  alias: string,
  actor: Actor,
  moderatedSpaces?: SqlCondition,
): SqlCondition {
  const hidden = ModerationPolicy.hiddenForViewerSql(type, alias, actor, moderatedSpaces);
  return { sql: `(${alias}.deleted_at IS NULL AND NOT ${hidden.sql})`, params: hidden.params };
}

/**
 * SQL: the row aliased `alias` has at least one live (not deleted) reply: comments on an annotation or a thread
 * (its subject), comments under a comment (its children).
 */
export function liveRepliesSql(type: AuthoredType, alias: string): string {
  if (type === 'COMMENT')
    return `EXISTS (SELECT 1 FROM comments live_reply WHERE live_reply.parent_id = ${alias}.id AND live_reply.deleted_at IS NULL)`;
  return `EXISTS (SELECT 1 FROM comments live_reply WHERE live_reply.subject_type = '${type}' AND live_reply.subject_id = ${alias}.id AND live_reply.deleted_at IS NULL)`;
}

/** The tombstone rule: shown in its place when present, or when live replies hang under it (fields then redacted). */
export function isShown(present: boolean, hasLiveReplies: boolean): boolean {
  return present || hasLiveReplies;
}

/** SQL twin of isShown for the row aliased `alias` of `type`, given its presentSql. */
export function shownSql(type: AuthoredType, alias: string, present: SqlCondition): SqlCondition {
  return { sql: `(${present.sql} OR ${liveRepliesSql(type, alias)})`, params: present.params };
}

/**
 * The columns every authored row (annotation, thread, comment) has under the same names, as a search source lists
 * them: its id, search vector, creation time, author and organisation.
 */
export function authoredColumns(alias: string) {
  return {
    id: `${alias}.id`,
    vector: `${alias}.search_vector`,
    createdAt: `${alias}.created_at`,
    organizationId: `${alias}.organization_id`,
    authorId: `${alias}.author_id`,
  } as const;
}
