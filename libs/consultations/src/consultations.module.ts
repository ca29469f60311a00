import { Module } from '@nestjs/common';
import { ConsultationService } from './consultation.service';
import { ContributionService } from './contribution.service';
import { ContributionSubject } from './contribution-subject';
import { FederationRemarksService } from './federation-remarks.service';
import { ResultsService } from './results.service';

/** Consultations and contributions. Needs a DataSource, a kernel Clock, the audit trail and the citation registry. */
@Module({
  providers: [ConsultationService, ContributionService, ResultsService, FederationRemarksService, ContributionSubject],
  exports: [ConsultationService, ContributionService, ResultsService, FederationRemarksService],
})
export class ConsultationsModule {}
