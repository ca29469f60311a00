import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A comment's text before an edit. */
@Entity({ name: 'comment_revisions' })
export class CommentRevision {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'comment_id', type: 'uuid' })
  commentId: string;

  @Column({ type: 'text' })
  body: string;

  @Column({ name: 'edited_by_id', type: 'uuid' })
  editedById: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
