export * from './discussions.module';
export * from './subjects/subject-registry';
export * from './comments/comment.entity';
export * from './comments/comment.service';
export type { PostCommentInput, EditCommentInput } from './comments/comment.inputs';
export * from './endorsements/endorsement.service';

import { CommentRevision } from './comments/comment-revision.entity';
import { Comment } from './comments/comment.entity';
import { Endorsement } from './endorsements/endorsement.entity';

/** The TypeORM entities this lib owns, for the application's DataSource. */
export const DISCUSSIONS_ENTITIES = [Comment, CommentRevision, Endorsement];
