import { Args, Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { Connection as DomainConnection } from '@majlis/kernel';
import {
  AnchoredAnnotation,
  AnnotationService,
  DocumentSection,
  DocumentService,
  DocumentVersion,
} from '@majlis/documents';
import type { AuthenticatedActor } from '@majlis/identity';
import { CurrentActor } from '../auth/current-actor.decorator';
import { PageArgs } from '../common/page.args';
import type { GraphQLContext } from '../graphql-context';
import { AnnotationFilterInput } from './documents.inputs';
import {
  AnnotationConnection,
  DocumentSectionModel,
  DocumentVersionModel,
  SectionAnnotationCountModel,
} from './documents.models';

/** A version is reached only through a document (or an annotation) the actor may see. */
@Resolver(() => DocumentVersionModel)
export class DocumentVersionResolver {
  constructor(
    private readonly documents: DocumentService,
    private readonly annotationService: AnnotationService,
  ) {}

  @ResolveField(() => String, { description: 'The text annotations point into (offsets in UTF-16 code units).' })
  async plainText(@Parent() version: DocumentVersion): Promise<string> {
    return (await this.documents.texts(version.id)).plainText;
  }

  @ResolveField(() => String)
  async sourceMarkdown(@Parent() version: DocumentVersion): Promise<string> {
    return (await this.documents.texts(version.id)).sourceMarkdown;
  }

  @ResolveField(() => [DocumentSectionModel])
  sections(@Parent() version: DocumentVersion, @Context() context: GraphQLContext): Promise<DocumentSection[]> {
    return context.loaders.sectionsOfVersion.load(version.id);
  }

  @ResolveField(() => AnnotationConnection, { description: 'The annotations anchored on this version, in text order.' })
  annotations(
    @CurrentActor() actor: AuthenticatedActor,
    @Parent() version: DocumentVersion,
    @Args() page: PageArgs,
    @Args('filter', { nullable: true }) filter?: AnnotationFilterInput,
  ): Promise<DomainConnection<AnchoredAnnotation>> {
    return this.annotationService.anchoredOn(actor, version.id, filter ?? {}, page);
  }

  @ResolveField(() => AnnotationConnection, {
    description: 'Annotations whose passage is gone from this version; each keeps the text it was about.',
  })
  orphanedAnnotations(
    @CurrentActor() actor: AuthenticatedActor,
    @Parent() version: DocumentVersion,
    @Args() page: PageArgs,
  ): Promise<DomainConnection<AnchoredAnnotation>> {
    return this.annotationService.orphanedOn(actor, version.id, page);
  }

  @ResolveField(() => [SectionAnnotationCountModel], {
    description: 'Visible annotations per article, for a heat-map.',
  })
  annotationCountsBySection(@CurrentActor() actor: AuthenticatedActor, @Parent() version: DocumentVersion) {
    return this.annotationService.countsBySection(actor, version.id);
  }
}
