import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { AnnotationStatus, Disposition } from './annotation.entity';

/**
 * One official answer to an annotation, kept for good: re-answering adds a row, the latest is the current answer
 * (copied onto the annotation's disposition columns in the same transaction).
 */
@Entity({ name: 'annotation_answers' })
export class AnnotationAnswer {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'annotation_id', type: 'uuid' })
  annotationId: string;

  @Column({ type: 'text' })
  disposition: Disposition;

  @Column({ type: 'text' })
  rationale: string;

  /** The status the answer gave the annotation: ANSWERED or RESOLVED (never OPEN). */
  @Column({ type: 'text' })
  status: Exclude<AnnotationStatus, 'OPEN'>;

  @Column({ name: 'answered_by_id', type: 'uuid', nullable: true })
  answeredById: string | null;

  @Column({ name: 'answered_at', type: 'timestamptz' })
  answeredAt: Date;
}
