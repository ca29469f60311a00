import { DynamicModule, Module } from '@nestjs/common';
import { ConsultationService } from './consultation/consultation.service';
import { ContributionService } from './contribution/contribution.service';
import { ContributionSubject } from './contribution/contribution-subject';
import { CONSULTATIONS_OPTIONS, ConsultationsOptions, DEFAULT_CONSULTATIONS_OPTIONS } from './consultations.options';
import { FederationRemarksService } from './contribution/federation-remarks.service';
import { ResultsService } from './results/results.service';
import { MyConsultationsService } from './consultation/my-consultations.service';
import { MemberContributionsService } from './contribution/member-contributions.service';

/**
 * Consultations and contributions. Needs a DataSource, a kernel Clock, the audit trail and the citation registry.
 * `forRoot` sets its options once for the application (imported plainly elsewhere, it uses them too).
 */
@Module({
  providers: [
    ConsultationService,
    ContributionService,
    ResultsService,
    FederationRemarksService,
    ContributionSubject,
    MyConsultationsService,
    MemberContributionsService,
  ],
  exports: [
    ConsultationService,
    ContributionService,
    ResultsService,
    FederationRemarksService,
    MyConsultationsService,
    MemberContributionsService,
  ],
})
export class ConsultationsModule {
  static forRoot(options: Partial<ConsultationsOptions> = {}): DynamicModule {
    return {
      module: ConsultationsModule,
      global: true,
      providers: [{ provide: CONSULTATIONS_OPTIONS, useValue: { ...DEFAULT_CONSULTATIONS_OPTIONS, ...options } }],
      exports: [CONSULTATIONS_OPTIONS],
    };
  }
}
