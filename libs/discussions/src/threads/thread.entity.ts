import { Column, Entity, PrimaryColumn } from 'typeorm';
import { EditedAuthoredContent } from '../authored-content';

/** A conversation in a space, possibly citing an article of a document. Authored content (authored-content.ts). */
@Entity({ name: 'threads' })
export class Thread extends EditedAuthoredContent {
  @Column({ name: 'space_id', type: 'uuid' })
  spaceId: string;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text' })
  body: string;

  @Column({ type: 'text', array: true })
  tags: string[];

  @Column({ name: 'document_id', type: 'uuid', nullable: true })
  documentId: string | null;

  @Column({ name: 'version_id', type: 'uuid', nullable: true })
  versionId: string | null;

  @Column({ name: 'section_key', type: 'text', nullable: true })
  sectionKey: string | null;

  @Column({ type: 'boolean' })
  pinned: boolean;

  @Column({ type: 'boolean' })
  locked: boolean;

  @Column({ name: 'last_activity_at', type: 'timestamptz' })
  lastActivityAt: Date;

  @Column({ name: 'last_activity_by_id', type: 'uuid', nullable: true })
  lastActivityById: string | null;
}

/** Up to when a person has read a thread. */
@Entity({ name: 'thread_reads' })
export class ThreadRead {
  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId: string;

  @PrimaryColumn({ name: 'thread_id', type: 'uuid' })
  threadId: string;

  @Column({ name: 'last_read_at', type: 'timestamptz' })
  lastReadAt: Date;
}
