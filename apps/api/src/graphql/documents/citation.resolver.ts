import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { DocumentVersion } from '@majlis/documents';
import { CitationModel } from '../discussions/spaces.models';
import type { GraphQLContext } from '../graphql-context';
import { DocumentVersionModel } from './documents.models';

/**
 * The cited version of a citation (threads, consultation questions): a documents field on a discussions type,
 * resolved here so that graphql/discussions never imports graphql/documents (documents → discussions, as the libs).
 */
@Resolver(() => CitationModel)
export class CitationResolver {
  @ResolveField(() => DocumentVersionModel, { nullable: true })
  version(@Parent() citation: CitationModel, @Context() context: GraphQLContext): Promise<DocumentVersion | null> {
    return context.loaders.versionById.load(citation.versionId);
  }
}
