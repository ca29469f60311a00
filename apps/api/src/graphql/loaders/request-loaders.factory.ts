import { Injectable, Module } from '@nestjs/common';
import { ConsultationService, ConsultationsModule } from '@majlis/consultations';
import { CommentService, EndorsementService, SpaceService, ThreadService } from '@majlis/discussions';
import { DocumentService, DocumentsModule } from '@majlis/documents';
import { MembershipService, OrganizationService, UserService } from '@majlis/identity';
import type { Actor } from '@majlis/kernel';
import { ModerationService } from '@majlis/moderation';
import { LoaderServices, RequestLoaders, createRequestLoaders } from './request-loaders';

/**
 * Makes each request's DataLoaders (one per GraphQL operation, over HTTP or a live socket) from the services Nest
 * injects by name: adding a loader's service is one constructor parameter here, not a positional list in
 * app.module.ts.
 */
@Injectable()
export class RequestLoadersFactory {
  private readonly services: LoaderServices;

  constructor(
    organizations: OrganizationService,
    users: UserService,
    memberships: MembershipService,
    documents: DocumentService,
    consultations: ConsultationService,
    comments: CommentService,
    endorsements: EndorsementService,
    spaces: SpaceService,
    threads: ThreadService,
    moderation: ModerationService,
  ) {
    this.services = {
      organizations,
      users,
      memberships,
      documents,
      consultations,
      comments,
      endorsements,
      spaces,
      threads,
      moderation,
    };
  }

  /** The loaders of one operation, for the actor it runs as (asked when a loader first batches). */
  create(actor: () => Actor): RequestLoaders {
    return createRequestLoaders(this.services, actor);
  }
}

/** The factory, for GraphQLModule.forRootAsync (identity, discussions and moderation are global modules). */
@Module({
  imports: [DocumentsModule, ConsultationsModule],
  providers: [RequestLoadersFactory],
  exports: [RequestLoadersFactory],
})
export class RequestLoadersModule {}
