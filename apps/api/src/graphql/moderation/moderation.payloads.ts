import { Field, Int, ObjectType } from '@nestjs/graphql';
import { ModerationStateModel, ReportModel } from './moderation.models';

@ObjectType()
export class ReportPayload {
  @Field({ description: 'Your report was recorded.' })
  reported: boolean;

  @Field(() => ReportModel, { description: 'Your report: read it again with `report(id)` to learn its outcome.' })
  report: ReportModel;
}

@ObjectType()
export class ModerateContentPayload {
  @Field(() => ModerationStateModel)
  state: ModerationStateModel;

  @Field(() => Int)
  version: number;
}
