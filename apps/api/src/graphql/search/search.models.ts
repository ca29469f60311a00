import { Field, Float, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { SEARCH_HIT_TYPES, SEARCH_WINDOW, SearchHitType } from '@majlis/search';
import { Connection } from '../common/connection.type';
import { graphqlEnum } from '../common/graphql-enum';
import { MotivationEnum } from '../documents/documents.enums';

export const SearchHitTypeEnum = graphqlEnum(
  SEARCH_HIT_TYPES,
  'SearchHitType',
  'What a search hit is: an article of a document version, an annotation, a reply (to an annotation, in a thread, ' +
    'or in an organisation’s internal discussion), a thread, a consultation or one of its questions, a space, an ' +
    'organisation.',
);

@ObjectType({ description: 'Where a hit is, to open it in place. Fields that do not apply to its type are null.' })
export class SearchTargetModel {
  @Field(() => ID, { nullable: true })
  documentId: string | null;

  @Field(() => ID, { nullable: true })
  versionId: string | null;

  @Field(() => Int, { nullable: true })
  versionNumber: number | null;

  @Field(() => String, { nullable: true, description: 'The article’s stable key (the reader’s `#art-<key>`).' })
  articleKey: string | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Start of the passage (an article, an annotation, the annotation a reply answers), UTF-16 offset.',
  })
  start: number | null;

  @Field(() => Int, { nullable: true })
  end: number | null;

  @Field(() => ID, { nullable: true, description: 'The annotation, or the annotation a reply answers.' })
  annotationId: string | null;

  @Field(() => ID, { nullable: true, description: 'The reply itself.' })
  commentId: string | null;

  @Field(() => ID, { nullable: true, description: 'The thread, or the thread a reply is in.' })
  threadId: string | null;

  @Field(() => ID, { nullable: true })
  spaceId: string | null;

  @Field(() => String, { nullable: true })
  spaceSlug: string | null;

  @Field(() => ID, { nullable: true })
  consultationId: string | null;

  @Field(() => ID, { nullable: true })
  questionId: string | null;

  @Field(() => ID, { nullable: true, description: 'The organisation, or the one the content speaks for.' })
  organizationId: string | null;
}

@ObjectType('SearchHit', { description: 'Something that matches a search and that you may read.' })
export class SearchHitModel {
  @Field(() => ID, { description: 'The id of the thing found (its type says which kind).' })
  id: string;

  @Field(() => SearchHitTypeEnum)
  type: SearchHitType;

  @Field(() => Float, { description: 'Relevance between 0 and 1, higher first.' })
  rank: number;

  @Field(() => String, {
    nullable: true,
    description: 'Its title or name; for an annotation, the passage it is about; none for replies.',
  })
  title: string | null;

  @Field({
    description:
      'Safe HTML: the escaped text around the first match, the matching words in `<mark>` (no other markup).',
  })
  snippetHtml: string;

  @Field()
  createdAt: Date;

  @Field(() => SearchTargetModel)
  target: SearchTargetModel;
}

const LOWER_BOUND =
  'True when `count` is "at least" (show it as "≥ count"): a search ranks the newest ' +
  `${SEARCH_WINDOW} matches of each kind, and this kind had more.`;

@ObjectType()
export class SearchTypeFacet {
  @Field(() => SearchHitTypeEnum)
  type: SearchHitType;

  @Field(() => Int)
  count: number;

  @Field({ description: LOWER_BOUND })
  isLowerBound: boolean;
}

@ObjectType()
export class SearchArticleFacet {
  @Field(() => ID)
  documentId: string;

  @Field()
  articleKey: string;

  @Field(() => String, { nullable: true, description: 'The article’s heading in the latest version that has it.' })
  title: string | null;

  @Field(() => Int)
  count: number;

  @Field({ description: LOWER_BOUND })
  isLowerBound: boolean;
}

@ObjectType({ description: 'Counts of the hits you may read, per type (whatever `types` filters) and per article.' })
export class SearchFacets {
  @Field(() => [SearchTypeFacet])
  types: SearchTypeFacet[];

  @Field(() => [SearchArticleFacet], { description: 'The 50 articles with the most hits.' })
  articles: SearchArticleFacet[];
}

@ObjectType()
export class SearchHitConnection extends Connection(SearchHitModel, 'SearchHit') {
  @Field(() => SearchFacets)
  facets: SearchFacets;

  @Field({ description: 'True when `totalCount` is "at least": a frequent term (see `SearchTypeFacet.isLowerBound`).' })
  totalCountIsLowerBound: boolean;
}

@InputType()
export class SearchFilterInput {
  @Field(() => [SearchHitTypeEnum], { nullable: true, description: 'Only these types (facets still count all).' })
  types?: SearchHitType[] | null;

  @Field(() => ID, { nullable: true })
  documentId?: string | null;

  @Field(() => ID, { nullable: true })
  versionId?: string | null;

  @Field(() => String, { nullable: true })
  articleKey?: string | null;

  @Field(() => ID, { nullable: true })
  spaceId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Spoken for, owned by, or the organisation itself.' })
  organizationId?: string | null;

  @Field(() => MotivationEnum, { nullable: true, description: 'Annotations of this motivation only.' })
  motivation?: MotivationEnum | null;

  @Field(() => ID, { nullable: true, description: 'Annotations, replies and threads by this person.' })
  authorId?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Your own annotations, replies and threads.' })
  mine?: boolean | null;

  @Field(() => Date, { nullable: true })
  from?: Date | null;

  @Field(() => Date, { nullable: true })
  to?: Date | null;
}
