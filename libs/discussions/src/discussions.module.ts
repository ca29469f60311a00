import { Global, Module } from '@nestjs/common';
import { CitationRegistry } from './citations/citation-registry';
import { CommentService } from './comments/comment.service';
import { DiscussionsModeration } from './discussions-moderation';
import { DiscussionsPersonalData } from './discussions-personal-data';
import { EndorsementService } from './endorsements/endorsement.service';
import { SpaceService } from './spaces/space.service';
import { SubjectRegistry } from './subjects/subject-registry';
import { ThreadService } from './threads/thread.service';

/**
 * Spaces, threads and the shared conversation model (comments, endorsements). Global, so that every content
 * area can register its subjects (SubjectRegistry) and citations (CitationRegistry).
 */
@Global()
@Module({
  providers: [
    SubjectRegistry,
    CitationRegistry,
    CommentService,
    EndorsementService,
    SpaceService,
    ThreadService,
    DiscussionsModeration,
    DiscussionsPersonalData,
  ],
  exports: [SubjectRegistry, CitationRegistry, CommentService, EndorsementService, SpaceService, ThreadService],
})
export class DiscussionsModule {}
