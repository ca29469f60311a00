import { CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { SubjectType } from '../subjects/subject-registry';

/** A person's endorsement of an annotation, a comment, … — once each. */
@Entity({ name: 'endorsements' })
export class Endorsement {
  @PrimaryColumn({ name: 'subject_type', type: 'text' })
  subjectType: SubjectType;

  @PrimaryColumn({ name: 'subject_id', type: 'uuid' })
  subjectId: string;

  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
