import { Global, Module } from '@nestjs/common';
import { CommentService } from './comments/comment.service';
import { EndorsementService } from './endorsements/endorsement.service';
import { SubjectRegistry } from './subjects/subject-registry';

/**
 * The shared conversation model (comments, endorsements). Global, so that every content area can register its
 * subjects with the one SubjectRegistry.
 */
@Global()
@Module({
  providers: [SubjectRegistry, CommentService, EndorsementService],
  exports: [SubjectRegistry, CommentService, EndorsementService],
})
export class DiscussionsModule {}
