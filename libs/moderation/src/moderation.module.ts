import { DynamicModule, Module } from '@nestjs/common';
import { ModeratedContentRegistry } from './content/moderated-content';
import { ModerationService } from './actions/moderation.service';
import { MODERATION_OPTIONS, ModerationOptions } from './moderation.options';
import { ReportPersonalData } from './reports/report-personal-data';
import { ReportService } from './reports/report.service';

/**
 * Reports, the moderation queue and actions, for every kind of content through one mechanism: content areas
 * register their types with the ModeratedContentRegistry; this module imports none of them. Global, so they can.
 */
@Module({})
export class ModerationModule {
  static forRoot(options: ModerationOptions): DynamicModule {
    return {
      module: ModerationModule,
      global: true,
      providers: [
        { provide: MODERATION_OPTIONS, useValue: options },
        ModeratedContentRegistry,
        ReportService,
        ModerationService,
        ReportPersonalData,
      ],
      exports: [ModeratedContentRegistry, ReportService, ModerationService, ReportPersonalData],
    };
  }
}
