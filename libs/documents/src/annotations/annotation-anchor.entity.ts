import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { AnchorStatus } from '@majlis/anchoring';

/** Where an annotation stands on one version: EXACT, MOVED, FUZZY (with its score) or ORPHANED. */
@Entity({ name: 'annotation_anchors' })
export class AnnotationAnchor {
  @PrimaryColumn({ name: 'annotation_id', type: 'uuid' })
  annotationId: string;

  @PrimaryColumn({ name: 'version_id', type: 'uuid' })
  versionId: string;

  @Column({ type: 'text' })
  status: AnchorStatus;

  @Column({ type: 'real' })
  score: number;

  @Column({ name: 'start_offset', type: 'integer', nullable: true })
  start: number | null;

  @Column({ name: 'end_offset', type: 'integer', nullable: true })
  end: number | null;

  @Column({ name: 'quote_exact', type: 'text', nullable: true })
  exact: string | null;

  @Column({ name: 'quote_prefix', type: 'text', nullable: true })
  prefix: string | null;

  @Column({ name: 'quote_suffix', type: 'text', nullable: true })
  suffix: string | null;

  @Column({ name: 'section_key', type: 'text', nullable: true })
  sectionKey: string | null;
}
