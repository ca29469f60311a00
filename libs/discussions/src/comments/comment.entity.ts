import { Column, Entity } from 'typeorm';
import { EditedAuthoredContent } from '../authored-content';
import type { SubjectType } from '../subjects/subject-registry';

export const MAX_COMMENT_DEPTH = 3;

/**
 * One reply model for every conversation: its subject is an annotation, a thread, … Authored content (author,
 * organisation, edited, deleted, version: see authored-content.ts).
 */
@Entity({ name: 'comments' })
export class Comment extends EditedAuthoredContent {
  @Column({ name: 'subject_type', type: 'text' })
  subjectType: SubjectType;

  @Column({ name: 'subject_id', type: 'uuid' })
  subjectId: string;

  @Column({ name: 'parent_id', type: 'uuid', nullable: true })
  parentId: string | null;

  /** 1 for a reply to the subject, up to MAX_COMMENT_DEPTH. */
  @Column({ type: 'integer' })
  depth: number;

  /** The ministry's official answer. */
  @Column({ name: 'is_official', type: 'boolean' })
  isOfficial: boolean;

  @Column({ type: 'text' })
  body: string;
}
