import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import type { SubjectType } from '../subjects/subject-registry';

export const MAX_COMMENT_DEPTH = 3;

/** One reply model for every conversation: its subject is an annotation, a thread, … */
@Entity({ name: 'comments' })
export class Comment {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'subject_type', type: 'text' })
  subjectType: SubjectType;

  @Column({ name: 'subject_id', type: 'uuid' })
  subjectId: string;

  @Column({ name: 'parent_id', type: 'uuid', nullable: true })
  parentId: string | null;

  /** 1 for a reply to the subject, up to MAX_COMMENT_DEPTH. */
  @Column({ type: 'integer' })
  depth: number;

  @Column({ name: 'author_id', type: 'uuid' })
  authorId: string;

  @Column({ name: 'organization_id', type: 'uuid', nullable: true })
  organizationId: string | null;

  /** The ministry's official answer. */
  @Column({ name: 'is_official', type: 'boolean' })
  isOfficial: boolean;

  @Column({ type: 'text' })
  body: string;

  @Column({ name: 'edited_at', type: 'timestamptz', nullable: true })
  editedAt: Date | null;

  @Column({ name: 'deleted_at', type: 'timestamptz', nullable: true })
  deletedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn()
  version: number;
}

/**
 * SQL condition: the row aliased `alias` (a subject of `subjectType`) has at least one live reply. For areas
 * that keep a deleted subject as a tombstone while its conversation lives on.
 */
export function hasLiveRepliesSql(subjectType: 'ANNOTATION' | 'THREAD', alias: string): string {
  return `EXISTS (SELECT 1 FROM comments live_reply WHERE live_reply.subject_type = '${subjectType}' AND live_reply.subject_id = ${alias}.id AND live_reply.deleted_at IS NULL)`;
}
