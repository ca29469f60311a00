import { CreateIdentity1795686000000 } from './1795686000000-CreateIdentity';
import { CreateDocumentsAndAnnotations1795690000000 } from './1795690000000-CreateDocumentsAndAnnotations';
import { CreateComments1795692000000 } from './1795692000000-CreateComments';
import { CreateSpacesAndThreads1795694000000 } from './1795694000000-CreateSpacesAndThreads';
import { CreateModerationAndAudit1795696000000 } from './1795696000000-CreateModerationAndAudit';
import { CreateConsultations1795698000000 } from './1795698000000-CreateConsultations';
import { CreateContributionRemarks1795700000000 } from './1795700000000-CreateContributionRemarks';
import { AddSynthesisAndContributionComments1795702000000 } from './1795702000000-AddSynthesisAndContributionComments';
import { ThrottlePasswordChecksPerClient1795710000000 } from './1795710000000-ThrottlePasswordChecksPerClient';
import { AddModerationScope1795720000000 } from './1795720000000-AddModerationScope';
import { HideDraftConsultationSpaces1795730000000 } from './1795730000000-HideDraftConsultationSpaces';
import { KeyAuditChains1795731000000 } from './1795731000000-KeyAuditChains';
import { FoldOrganizationNames1795740000000 } from './1795740000000-FoldOrganizationNames';
import { KeepAnswerHistoryAndReportOutcomes1795780000000 } from './1795780000000-KeepAnswerHistoryAndReportOutcomes';
import { ContributionLifeCycle1795790000000 } from './1795790000000-ContributionLifeCycle';
import { RecordContributionChanges1795820000000 } from './1795820000000-RecordContributionChanges';
import { RevocableInvitations1795840000000 } from './1795840000000-RevocableInvitations';
import { AddSearch1795850000000 } from './1795850000000-AddSearch';
import { CreateEvents1795860000000 } from './1795860000000-CreateEvents';
import { CreateNotificationsAndMail1795870000000 } from './1795870000000-CreateNotificationsAndMail';
import { StampSubmissionProcessedAt1795880000000 } from './1795880000000-StampSubmissionProcessedAt';
import { AddUserSearch1795920000000 } from './1795920000000-AddUserSearch';
import { KeepEventsForAWindow1795940000000 } from './1795940000000-KeepEventsForAWindow';
import { IndexInboxAndQueueEvents1795945000000 } from './1795945000000-IndexInboxAndQueueEvents';
import { OrderSearchCandidatesByDate1795950000000 } from './1795950000000-OrderSearchCandidatesByDate';
import { TouchThreadOnReply1795960000000 } from './1795960000000-TouchThreadOnReply';
import { StoreThreadActivity1796000000000 } from './1796000000000-StoreThreadActivity';
import { NumberEventsAtCommit1796050000000 } from './1796050000000-NumberEventsAtCommit';
import { IndexAnnotationsInReadingOrder1796090000000 } from './1796090000000-IndexAnnotationsInReadingOrder';
import { IndexLiveRepliesBySubject1796100000000 } from './1796100000000-IndexLiveRepliesBySubject';

/** Every migration, oldest first. Listed explicitly so the bundled app and the tests run the same set. */
export const MIGRATIONS = [
  CreateIdentity1795686000000,
  CreateDocumentsAndAnnotations1795690000000,
  CreateComments1795692000000,
  CreateSpacesAndThreads1795694000000,
  CreateModerationAndAudit1795696000000,
  CreateConsultations1795698000000,
  CreateContributionRemarks1795700000000,
  AddSynthesisAndContributionComments1795702000000,
  ThrottlePasswordChecksPerClient1795710000000,
  AddModerationScope1795720000000,
  HideDraftConsultationSpaces1795730000000,
  KeyAuditChains1795731000000,
  FoldOrganizationNames1795740000000,
  KeepAnswerHistoryAndReportOutcomes1795780000000,
  ContributionLifeCycle1795790000000,
  RecordContributionChanges1795820000000,
  RevocableInvitations1795840000000,
  AddSearch1795850000000,
  CreateEvents1795860000000,
  CreateNotificationsAndMail1795870000000,
  StampSubmissionProcessedAt1795880000000,
  AddUserSearch1795920000000,
  KeepEventsForAWindow1795940000000,
  IndexInboxAndQueueEvents1795945000000,
  OrderSearchCandidatesByDate1795950000000,
  TouchThreadOnReply1795960000000,
  StoreThreadActivity1796000000000,
  NumberEventsAtCommit1796050000000,
  IndexAnnotationsInReadingOrder1796090000000,
  IndexLiveRepliesBySubject1796100000000,
];
