import { Field, ID, InputType, Int } from '@nestjs/graphql';

/** An article of a document version that a thread or a consultation question is about. */
@InputType()
export class CitationInput {
  @Field(() => ID)
  documentId: string;

  @Field(() => Int)
  versionNumber: number;

  @Field({ description: 'The article’s stable key, e.g. "art-3".' })
  sectionKey: string;
}
