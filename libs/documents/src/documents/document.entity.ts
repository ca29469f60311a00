import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

export const DOCUMENT_KINDS = ['CIRCULAR', 'CONTRACT_PROGRAMME', 'OTHER'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];
export const DOCUMENT_STATUSES = ['DRAFT', 'OPEN_FOR_COMMENT', 'CLOSED', 'ADOPTED'] as const;
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];

/** A text the ministry puts up for a shared reading: the circular, the contrat-programme, … */
@Entity({ name: 'documents' })
export class Document {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  kind: DocumentKind;

  /** E.g. "Circulaire 15/2025". */
  @Column({ type: 'text' })
  reference: string;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text' })
  language: 'fr' | 'ar' | 'en';

  @Column({ type: 'text' })
  status: DocumentStatus;

  @Column({ name: 'comments_open_at', type: 'timestamptz', nullable: true })
  commentsOpenAt: Date | null;

  @Column({ name: 'comments_close_at', type: 'timestamptz', nullable: true })
  commentsCloseAt: Date | null;

  @Column({ name: 'created_by_id', type: 'uuid' })
  createdById: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn()
  version: number;
}
