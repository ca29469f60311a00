import { Field, ObjectType } from '@nestjs/graphql';
import { ConsultationStateEnum } from './consultations.enums';
import { ConsultationModel, ContributionModel, ReceiptModel, RemarkModel } from './consultations.models';

@ObjectType()
export class ConsultationPayload {
  @Field(() => ConsultationModel)
  consultation: ConsultationModel;
}

@ObjectType()
export class ContributionPayload {
  @Field(() => ContributionModel)
  contribution: ContributionModel;
}

@ObjectType()
export class SubmitContributionPayload {
  @Field(() => ReceiptModel, {
    description:
      'The receipt of this submission, or the earlier one when nothing new was received (`alreadyReceived`).',
  })
  receipt: ReceiptModel;

  @Field(() => ContributionModel, {
    description: 'The contribution after the submission, with its new version: save from this one.',
  })
  contribution: ContributionModel;

  @Field({
    description:
      'True when the content is the one an earlier receipt already certifies: that earlier receipt is returned and nothing new was recorded (a retry, or a submission once the consultation is closed).',
  })
  alreadyReceived: boolean;

  @Field(() => ConsultationStateEnum, { description: 'The consultation’s state when the submission was processed.' })
  consultationState: ConsultationStateEnum;

  @Field({ description: 'True when the consultation no longer accepts contributions (closed, or results published).' })
  consultationClosed: boolean;
}

@ObjectType()
export class RemarkPayload {
  @Field(() => RemarkModel)
  remark: RemarkModel;
}
