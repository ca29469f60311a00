import { AuthoredContent } from '@majlis/discussions';
import { Column, Entity } from 'typeorm';

export const MOTIVATIONS = ['COMMENTING', 'QUESTIONING', 'AMENDING', 'SUPPORTING', 'OBJECTING'] as const;
export type Motivation = (typeof MOTIVATIONS)[number];
export const VISIBILITIES = ['PUBLIC', 'ORGANIZATION'] as const;
export type AnnotationVisibility = (typeof VISIBILITIES)[number];
export const ANNOTATION_STATUSES = ['OPEN', 'ANSWERED', 'RESOLVED'] as const;
export type AnnotationStatus = (typeof ANNOTATION_STATUSES)[number];
export const DISPOSITIONS = ['ACCEPTED', 'PARTIALLY_ACCEPTED', 'REJECTED', 'NOTED'] as const;
export type Disposition = (typeof DISPOSITIONS)[number];

/**
 * A remark anchored on a precise passage of one version of a document. Authored content (author, organisation
 * spoken for, deleted, version: see @majlis/discussions authored-content.ts); its earlier texts are revisions.
 */
@Entity({ name: 'annotations' })
export class Annotation extends AuthoredContent {
  @Column({ name: 'document_id', type: 'uuid' })
  documentId: string;

  /** The version the passage was selected in. */
  @Column({ name: 'version_id', type: 'uuid' })
  versionId: string;

  /** The author's organisation whose members see an ORGANIZATION annotation. */
  @Column({ name: 'audience_organization_id', type: 'uuid', nullable: true })
  audienceOrganizationId: string | null;

  @Column({ type: 'text' })
  motivation: Motivation;

  @Column({ type: 'text' })
  body: string;

  /** For AMENDING: the proposed replacement text. */
  @Column({ name: 'suggested_text', type: 'text', nullable: true })
  suggestedText: string | null;

  @Column({ type: 'text' })
  visibility: AnnotationVisibility;

  @Column({ type: 'text' })
  status: AnnotationStatus;

  @Column({ type: 'text', nullable: true })
  disposition: Disposition | null;

  @Column({ name: 'disposition_rationale', type: 'text', nullable: true })
  dispositionRationale: string | null;

  @Column({ name: 'disposition_by_id', type: 'uuid', nullable: true })
  dispositionById: string | null;

  @Column({ name: 'disposition_at', type: 'timestamptz', nullable: true })
  dispositionAt: Date | null;

  @Column({ name: 'quote_exact', type: 'text' })
  exact: string;

  @Column({ name: 'quote_prefix', type: 'text' })
  prefix: string;

  @Column({ name: 'quote_suffix', type: 'text' })
  suffix: string;

  @Column({ name: 'start_offset', type: 'integer' })
  start: number;

  @Column({ name: 'end_offset', type: 'integer' })
  end: number;

  @Column({ name: 'section_key', type: 'text', nullable: true })
  sectionKey: string | null;
}
