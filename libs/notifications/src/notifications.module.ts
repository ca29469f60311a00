import { DynamicModule, Module } from '@nestjs/common';
import { ConsultationsModule } from '@majlis/consultations';
import { DocumentsModule } from '@majlis/documents';
import { EventFanout } from './fanout/event-fanout';
import { FollowService } from './follows/follow.service';
import { NotificationService } from './inbox/notification.service';
import { DeadlineReminders } from './jobs/deadline-reminders';
import { EventRetention } from './jobs/event-retention';
import { JobRunner } from './jobs/job-runner.service';
import { MailJobs } from './jobs/mail-jobs';
import { MailFaults, MailerService } from './mail/mailer.service';
import { NOTIFICATIONS_OPTIONS, NotificationsOptions } from './notifications.options';

const EXPORTED = [JobRunner, MailerService, MailFaults, NotificationService, FollowService];

/**
 * Notifications (following, levels, the inbox), e-mail (nodemailer or the development outbox) and the background
 * jobs that deliver them (graphile-worker). Needs a DataSource, a Clock, identity, documents, discussions and
 * consultations.
 */
@Module({})
export class NotificationsModule {
  static forRoot(options: NotificationsOptions): DynamicModule {
    return {
      module: NotificationsModule,
      global: true,
      imports: [DocumentsModule, ConsultationsModule],
      providers: [
        { provide: NOTIFICATIONS_OPTIONS, useValue: options },
        ...EXPORTED,
        MailJobs,
        DeadlineReminders,
        EventRetention,
        EventFanout,
      ],
      exports: [NOTIFICATIONS_OPTIONS, ...EXPORTED],
    };
  }
}
