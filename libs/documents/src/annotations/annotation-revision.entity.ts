import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** The text an annotation had before an edit: the history its author and moderators can read. */
@Entity({ name: 'annotation_revisions' })
export class AnnotationRevision {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'annotation_id', type: 'uuid' })
  annotationId: string;

  @Column({ type: 'text' })
  body: string;

  @Column({ name: 'suggested_text', type: 'text', nullable: true })
  suggestedText: string | null;

  @Column({ name: 'edited_by_id', type: 'uuid' })
  editedById: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
