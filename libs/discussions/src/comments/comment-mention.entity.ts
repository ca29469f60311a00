import { Entity, PrimaryColumn } from 'typeorm';

/** A person mentioned in a comment who can read its conversation (kept for notifications). */
@Entity({ name: 'comment_mentions' })
export class CommentMention {
  @PrimaryColumn({ name: 'comment_id', type: 'uuid' })
  commentId: string;

  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId: string;
}
