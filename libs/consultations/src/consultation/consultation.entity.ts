import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

export const QUESTION_KINDS = ['TEXT', 'SINGLE_CHOICE', 'MULTI_CHOICE', 'SCALE'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];
export const CONSENTS = ['PUBLIC_NAMED', 'PUBLIC_ANONYMOUS', 'CONFIDENTIAL'] as const;
export type Consent = (typeof CONSENTS)[number];
/**
 * DRAFT: never submitted. SUBMITTED: what the latest receipt certifies is what the draft holds.
 * CHANGED_SINCE_SUBMITTED: edited after a submission; the latest receipt still counts until it is submitted again.
 */
export const CONTRIBUTION_STATUSES = ['DRAFT', 'SUBMITTED', 'CHANGED_SINCE_SUBMITTED'] as const;
export type ContributionStatus = (typeof CONTRIBUTION_STATUSES)[number];
/** A SCALE question's range when its author gives none (and of every SCALE question asked before ranges existed). */
export const DEFAULT_SCALE = { min: 1, max: 5 } as const;

/** A formal consultation: the ministry asks, eligible organisations answer before the deadline. */
@Entity({ name: 'consultations' })
export class Consultation {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text' })
  summary: string;

  @Column({ name: 'opens_at', type: 'timestamptz' })
  opensAt: Date;

  @Column({ name: 'closes_at', type: 'timestamptz' })
  closesAt: Date;

  /** Set when the ministry publishes it (DRAFT until then); it then opens at opensAt by the server clock. */
  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt: Date | null;

  @Column({ name: 'results_published_at', type: 'timestamptz', nullable: true })
  resultsPublishedAt: Date | null;

  @Column({ name: 'eligible_kinds', type: 'text', array: true })
  eligibleKinds: string[];

  @Column({ name: 'document_ids', type: 'uuid', array: true })
  documentIds: string[];

  /** The ministry's synthesis of what it heard (Markdown), published with the results. */
  @Column({ type: 'text', nullable: true })
  synthesis: string | null;

  /** Its own discussion space (RESTRICTED): participants post, everyone signed in reads. */
  @Column({ name: 'space_id', type: 'uuid', nullable: true })
  spaceId: string | null;

  @Column({ name: 'created_by_id', type: 'uuid' })
  createdById: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn()
  version: number;
}

@Entity({ name: 'consultation_questions' })
export class ConsultationQuestion {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'consultation_id', type: 'uuid' })
  consultationId: string;

  @Column({ type: 'integer' })
  position: number;

  @Column({ type: 'text' })
  kind: QuestionKind;

  @Column({ type: 'text' })
  prompt: string;

  @Column({ type: 'boolean' })
  required: boolean;

  @Column({ type: 'text', array: true })
  options: string[];

  @Column({ name: 'max_length', type: 'integer', nullable: true })
  maxLength: number | null;

  /** SCALE questions: the lowest and highest whole numbers an answer may take (null for other kinds). */
  @Column({ name: 'scale_min', type: 'integer', nullable: true })
  scaleMin: number | null;

  @Column({ name: 'scale_max', type: 'integer', nullable: true })
  scaleMax: number | null;

  @Column({ name: 'document_id', type: 'uuid', nullable: true })
  documentId: string | null;

  @Column({ name: 'version_id', type: 'uuid', nullable: true })
  versionId: string | null;

  @Column({ name: 'section_key', type: 'text', nullable: true })
  sectionKey: string | null;

  /** The ministry's response to this question, published with the results. */
  @Column({ name: 'ministry_response', type: 'text', nullable: true })
  ministryResponse: string | null;
}

/** One organisation's contribution: a draft its members edit together, then submitted by a representative. */
@Entity({ name: 'contributions' })
export class Contribution {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'consultation_id', type: 'uuid' })
  consultationId: string;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @Column({ type: 'text' })
  status: ContributionStatus;

  /** Question id → answer: text, the option (a string), options (an array), or a whole number on the scale. */
  @Column({ type: 'jsonb' })
  answers: Record<string, unknown>;

  @Column({ type: 'text' })
  consent: Consent;

  @Column({ name: 'updated_by_id', type: 'uuid', nullable: true })
  updatedById: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn()
  version: number;
}

/** Each submission is kept; the latest counts. Its digest lets anyone holding the receipt re-check it. */
@Entity({ name: 'contribution_submissions' })
export class ContributionSubmission {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'contribution_id', type: 'uuid' })
  contributionId: string;

  @Column({ name: 'tracking_number', type: 'text' })
  trackingNumber: string;

  @Column({ name: 'submitted_by_id', type: 'uuid' })
  submittedById: string;

  /** When the server received the submission (stamped at the edge, before any queueing): the deadline judges this. */
  @Column({ name: 'submitted_at', type: 'timestamptz' })
  submittedAt: Date;

  /** When the submission was processed: may be after the deadline for one received before it. */
  @Column({ name: 'processed_at', type: 'timestamptz' })
  processedAt: Date;

  /** The canonical JSON of what was submitted: the digest is its SHA-256. */
  @Column({ type: 'text' })
  canonical: string;

  @Column({ type: 'text' })
  digest: string;
}
