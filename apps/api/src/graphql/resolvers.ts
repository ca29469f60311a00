import { AnnotationAnswerResolver, AnnotationResolver } from './documents/annotation.resolver';
import { CommentResolver } from './discussions/comment.resolver';
import {
  ConsultationResolver,
  ContributionChangeResolver,
  ContributionResolver,
  QuestionResolver,
  MemberContributionResolver,
  RemarkResolver,
} from './consultations/consultation.resolver';
import {
  ModerationActionResolver,
  ModerationQueueItemResolver,
  ModerationResolver,
} from './moderation/moderation.resolver';
import { SpaceMemberResolver, SpaceResolver } from './discussions/space.resolver';
import { ThreadResolver } from './discussions/thread.resolver';
import { CitationResolver } from './documents/citation.resolver';
import { DocumentVersionResolver } from './documents/document-version.resolver';
import { DocumentResolver } from './documents/document.resolver';
import { OrganizationResolver } from './identity/organization.resolver';
import { InvitationResolver, MembershipResolver } from './identity/membership.resolver';
import { SessionResolver } from './identity/session.resolver';
import { UserResolver } from './identity/user.resolver';
import { ContributionPlaceResolver, MineResolver } from './mine/mine.resolver';
import { MentionableResolver } from './discussions/mentionable.resolver';
import { LiveResolver } from './live/live.resolver';
import { SearchResolver } from './search/search.resolver';
import { NotificationResolver, PasswordResetResolver } from './notifications/notification.resolver';

/** Every resolver of the API: registered by the app module, and read by the schema printer. */
export const RESOLVERS = [
  SessionResolver,
  OrganizationResolver,
  UserResolver,
  MembershipResolver,
  InvitationResolver,
  DocumentResolver,
  DocumentVersionResolver,
  AnnotationResolver,
  AnnotationAnswerResolver,
  CommentResolver,
  SpaceResolver,
  SpaceMemberResolver,
  ThreadResolver,
  CitationResolver,
  ModerationResolver,
  ModerationActionResolver,
  ModerationQueueItemResolver,
  ConsultationResolver,
  ContributionResolver,
  ContributionChangeResolver,
  QuestionResolver,
  MemberContributionResolver,
  RemarkResolver,
  MineResolver,
  ContributionPlaceResolver,
  MentionableResolver,
  LiveResolver,
  SearchResolver,
  NotificationResolver,
  PasswordResetResolver,
];
