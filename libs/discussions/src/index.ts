export * from './discussions.module';
export * from './discussions.reasons';
export * from './subjects/subject-registry';
export * from './comments/comment.entity';
export * from './comments/comment.service';
export {
  REPLY_SUBJECT_TYPES,
  postCommentInput,
  type PostCommentInput,
  type EditCommentInput,
} from './comments/comment.inputs';
export * from './endorsements/endorsement.service';
export * from './spaces/space.entity';
export * from './spaces/space.policy';
export * from './authored-content';
export * from './authored-content.policy';
export * from './spaces/space.service';
export { createSpaceInput, type CreateSpaceInput, type AddSpaceMemberInput } from './spaces/space.inputs';
export * from './threads/thread.entity';
export * from './threads/thread.service';
export {
  createThreadInput,
  type CreateThreadInput,
  type EditThreadInput,
  type ThreadFilter,
} from './threads/thread.inputs';
export * from './citations/citation-registry';
export { CommentRevision } from './comments/comment-revision.entity';

import { CommentMention } from './comments/comment-mention.entity';
import { CommentRevision } from './comments/comment-revision.entity';
import { Comment } from './comments/comment.entity';
import { Endorsement } from './endorsements/endorsement.entity';
import { Space, SpaceMember } from './spaces/space.entity';
import { Thread, ThreadRead } from './threads/thread.entity';

/** The TypeORM entities this lib owns, for the application's DataSource. */
export const DISCUSSIONS_ENTITIES = [
  Comment,
  CommentRevision,
  CommentMention,
  Endorsement,
  Space,
  SpaceMember,
  Thread,
  ThreadRead,
];
export * from './spaces/space.queries';
export * from './threads/thread.queries';
export * from './comments/comment.queries';
export * from './endorsements/endorsement.queries';
