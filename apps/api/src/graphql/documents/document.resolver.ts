import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Clock } from '@majlis/kernel';
import type { Connection as DomainConnection } from '@majlis/kernel';
import {
  Document,
  DocumentPolicy,
  DocumentService,
  DocumentVersion,
  SelectionDescription,
  VersionComparison,
} from '@majlis/documents';
import type { AuthenticatedActor } from '@majlis/identity';
import { CurrentActor } from '../auth/current-actor.decorator';
import { PageArgs } from '../common/page.args';
import type { GraphQLContext } from '../graphql-context';
import { CreateDocumentInput, PublishDocumentVersionInput, UpdateDocumentInput } from './documents.inputs';
import {
  DocumentConnection,
  DocumentModel,
  DocumentVersionModel,
  SelectionDescriptionModel,
  VersionComparisonModel,
} from './documents.models';
import { DocumentPayload, PublishDocumentVersionPayload } from './documents.payloads';

@Resolver(() => DocumentModel)
export class DocumentResolver {
  constructor(
    private readonly documentService: DocumentService,
    private readonly clock: Clock,
  ) {}

  @Query(() => DocumentModel, { description: 'One document; NOT_FOUND when missing or a draft you may not see.' })
  async document(
    @CurrentActor() actor: AuthenticatedActor,
    @Args('id', { type: () => ID }) id: string,
    @Context() context: GraphQLContext,
  ): Promise<Document> {
    // Its versions come in the same statement: `versions`, `latestVersion` and `versionByNumber` read no more.
    const { document, versions } = await this.documentService.getWithVersions(actor, id);
    context.loaders.versionsOfDocument.prime(document.id, versions);
    return document;
  }

  @Query(() => DocumentConnection)
  documents(@CurrentActor() actor: AuthenticatedActor, @Args() page: PageArgs): Promise<DomainConnection<Document>> {
    return this.documentService.list(actor, page);
  }

  @Query(() => VersionComparisonModel, { description: 'What changed between two versions, article by article.' })
  async compareDocumentVersions(
    @CurrentActor() actor: AuthenticatedActor,
    @Args('documentId', { type: () => ID }) documentId: string,
    @Args('from', { type: () => Int }) from: number,
    @Args('to', { type: () => Int }) to: number,
  ): Promise<VersionComparison> {
    const document = await this.documentService.get(actor, documentId, 'documentId');
    return this.documentService.compare(actor, document, from, to);
  }

  @Query(() => SelectionDescriptionModel, {
    description:
      'Describes the range [start, end) of a version’s plain text (UTF-16 code units) for annotating, without ' +
      'downloading the text: its exact quote, 32 code units of prefix and suffix, and its article. Whoever may read ' +
      'the version may ask (NOT_FOUND otherwise); a range outside the text, empty, or splitting a character answers ' +
      'BAD_USER_INPUT.',
  })
  describeSelection(
    @CurrentActor() actor: AuthenticatedActor,
    @Args('versionId', { type: () => ID }) versionId: string,
    @Args('start', { type: () => Int }) start: number,
    @Args('end', { type: () => Int }) end: number,
  ): Promise<SelectionDescription> {
    return this.documentService.describeSelection(actor, versionId, start, end);
  }

  @Mutation(() => DocumentPayload, { description: 'Moderators: a new document, in DRAFT.' })
  async createDocument(@CurrentActor() actor: AuthenticatedActor, @Args('input') input: CreateDocumentInput) {
    return { document: await this.documentService.create(actor, input) };
  }

  @Mutation(() => DocumentPayload, { description: 'Moderators: title, status and comment window.' })
  async updateDocument(
    @CurrentActor() actor: AuthenticatedActor,
    @Args('input') { id, ...changes }: UpdateDocumentInput,
  ) {
    return { document: await this.documentService.update(actor, id, changes) };
  }

  @Mutation(() => PublishDocumentVersionPayload, {
    description:
      'Moderators: publishes a new version; every annotation of the previous version is re-anchored onto it.',
  })
  async publishDocumentVersion(
    @CurrentActor() actor: AuthenticatedActor,
    @Args('input') input: PublishDocumentVersionInput,
  ) {
    const published = await this.documentService.publishVersion(actor, input.documentId, input);
    return { version: published.version, reanchoredAnnotations: published.reanchored };
  }

  @ResolveField(() => Boolean, {
    description: 'Whether annotations are taken now (status and window, by the server clock).',
  })
  isOpenForComment(@Parent() document: Document): boolean {
    return DocumentPolicy.isOpenForComment(document, this.clock.now());
  }

  @ResolveField(() => [DocumentVersionModel])
  versions(@Parent() document: Document, @Context() context: GraphQLContext): Promise<DocumentVersion[]> {
    return context.loaders.versionsOfDocument.load(document.id);
  }

  @ResolveField(() => DocumentVersionModel, { nullable: true, description: 'The newest published version.' })
  async latestVersion(
    @Parent() document: Document,
    @Context() context: GraphQLContext,
  ): Promise<DocumentVersion | null> {
    const versions = await context.loaders.versionsOfDocument.load(document.id);
    return versions[versions.length - 1] ?? null;
  }

  @ResolveField(() => DocumentVersionModel, { nullable: true, description: 'A published version by its number.' })
  async versionByNumber(
    @Parent() document: Document,
    @Context() context: GraphQLContext,
    @Args('number', { type: () => Int }) number: number,
  ): Promise<DocumentVersion | null> {
    const versions = await context.loaders.versionsOfDocument.load(document.id);
    return versions.find((version) => version.number === number) ?? null;
  }
}
