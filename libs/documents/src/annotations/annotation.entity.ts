import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

export const MOTIVATIONS = ['COMMENTING', 'QUESTIONING', 'AMENDING', 'SUPPORTING', 'OBJECTING'] as const;
export type Motivation = (typeof MOTIVATIONS)[number];
export const VISIBILITIES = ['PUBLIC', 'ORGANIZATION'] as const;
export type AnnotationVisibility = (typeof VISIBILITIES)[number];
export const ANNOTATION_STATUSES = ['OPEN', 'ANSWERED', 'RESOLVED'] as const;
export type AnnotationStatus = (typeof ANNOTATION_STATUSES)[number];
export const DISPOSITIONS = ['ACCEPTED', 'PARTIALLY_ACCEPTED', 'REJECTED', 'NOTED'] as const;
export type Disposition = (typeof DISPOSITIONS)[number];

/** A remark anchored on a precise passage of one version of a document. */
@Entity({ name: 'annotations' })
export class Annotation {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'document_id', type: 'uuid' })
  documentId: string;

  /** The version the passage was selected in. */
  @Column({ name: 'version_id', type: 'uuid' })
  versionId: string;

  @Column({ name: 'author_id', type: 'uuid' })
  authorId: string;

  /** The organisation spoken for (its representative posted it), or null when posted as oneself. */
  @Column({ name: 'organization_id', type: 'uuid', nullable: true })
  organizationId: string | null;

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

  @Column({ name: 'deleted_at', type: 'timestamptz', nullable: true })
  deletedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn()
  version: number;
}
