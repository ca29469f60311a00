import { Field, Int, ObjectType } from '@nestjs/graphql';
import { AnnotationModel, DocumentModel, DocumentVersionModel } from './documents.models';

@ObjectType()
export class DocumentPayload {
  @Field(() => DocumentModel)
  document: DocumentModel;
}

@ObjectType()
export class PublishDocumentVersionPayload {
  @Field(() => DocumentVersionModel)
  version: DocumentVersionModel;

  @Field(() => Int, { description: 'Annotations of earlier versions carried over to this one (anchored or orphaned).' })
  reanchoredAnnotations: number;
}

@ObjectType()
export class AnnotationPayload {
  @Field(() => AnnotationModel)
  annotation: AnnotationModel;
}
