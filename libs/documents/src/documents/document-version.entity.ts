import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One published text of a document. Immutable once written; numbered 1, 2, … per document. */
@Entity({ name: 'document_versions' })
export class DocumentVersion {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'document_id', type: 'uuid' })
  documentId: string;

  @Column({ type: 'integer' })
  number: number;

  @Column({ name: 'source_markdown', type: 'text', select: false })
  sourceMarkdown: string;

  /** What annotations point into: offsets are UTF-16 code units of this text. */
  @Column({ name: 'plain_text', type: 'text', select: false })
  plainText: string;

  @Column({ name: 'change_note', type: 'text' })
  changeNote: string;

  @Column({ name: 'published_by_id', type: 'uuid' })
  publishedById: string;

  @Column({ name: 'published_at', type: 'timestamptz' })
  publishedAt: Date;
}
