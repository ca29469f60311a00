import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock } from '@majlis/kernel';
import { ConsultationPolicy, ConsultationQueries, ContributionQueries } from '@majlis/consultations';
import { MembershipQueries, OrganizationQueries, UserQueries } from '@majlis/identity';
import { NotificationService } from '../inbox/notification.service';
import { JobRunner } from './job-runner.service';

export const DEADLINE_REMINDERS_JOB = 'reminders.deadlines';
/** Hours before a consultation closes when the organisations that have not submitted are reminded. */
export const REMINDER_HOURS = [48, 2] as const;

/**
 * Deadline reminders, every few minutes: for each open consultation entering a reminder window (48 h, 2 h before
 * it closes, by the server clock), once per window and closing time (an extended deadline reminds again), the
 * members of eligible organisations without a submitted contribution are notified and e-mailed at once.
 */
@Injectable()
export class DeadlineReminders implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly jobs: JobRunner,
    private readonly notifications: NotificationService,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.jobs.register(DEADLINE_REMINDERS_JOB, () => this.run());
  }

  async run(): Promise<void> {
    const now = this.clock.now();
    for (const [index, hours] of REMINDER_HOURS.entries()) {
      // Only the narrowest window that applies: a consultation closing in 1 h gets the 2 h reminder alone.
      const narrower = REMINDER_HOURS[index + 1] ?? 0;
      const due: { id: string; title: string; closes_at: Date; eligible_kinds: string[]; space_id: string | null }[] =
        await this.db.query(
          `SELECT c.id, c.title, c.closes_at, c.eligible_kinds, c.space_id FROM ${ConsultationQueries.rowsSql()} c
            WHERE c.published_at IS NOT NULL AND c.results_published_at IS NULL AND c.opens_at <= $1
              AND c.closes_at > $1::timestamptz + make_interval(hours => $3)
              AND c.closes_at <= $1::timestamptz + make_interval(hours => $2)
              AND NOT EXISTS (SELECT 1 FROM consultation_reminders r WHERE r.consultation_id = c.id
                                AND r.hours_before = $2 AND r.closes_at = c.closes_at)`,
          [now, hours, narrower],
        );
      for (const consultation of due) await this.remind(consultation, hours);
    }
  }

  private async remind(
    consultation: { id: string; title: string; closes_at: Date; eligible_kinds: string[] },
    hours: number,
  ): Promise<void> {
    await this.db.transaction(async (manager) => {
      const claimed: unknown[] = await manager.query(
        `INSERT INTO consultation_reminders (consultation_id, hours_before, closes_at, sent_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT DO NOTHING RETURNING consultation_id`,
        [consultation.id, hours, consultation.closes_at, this.clock.now()],
      );
      if (claimed.length === 0) return; // another worker took it
      const eligible = ConsultationPolicy.eligibleSql('o', {
        id: consultation.id,
        eligibleKinds: consultation.eligible_kinds,
      });
      const members: { id: string }[] = await manager
        .createQueryBuilder()
        .select('DISTINCT u.id', 'id')
        .from(UserQueries.rowsSql(), 'u')
        .innerJoin(MembershipQueries.rowsSql(), 'm', 'm.user_id = u.id')
        .innerJoin(OrganizationQueries.rowsSql(), 'o', 'o.id = m.organization_id')
        .where(eligible.sql, eligible.params)
        .andWhere(`u.status = 'ACTIVE'`)
        .andWhere(`NOT ${ContributionQueries.submittedSql(':reminded', 'o.id')}`, { reminded: consultation.id })
        .getRawMany();
      const reminded = await this.notifications.notify(manager, {
        sourceKey: `reminder:${consultation.id}:${hours}:${new Date(consultation.closes_at).toISOString()}`,
        recipients: members.map((member) => ({ userId: member.id, kind: 'DEADLINE_REMINDER' as const })),
        subjectType: 'CONSULTATION',
        subjectId: consultation.id,
        actorId: null,
        consultationId: consultation.id,
        title: consultation.title,
        urgent: true,
      });
      await this.notifications.announce(
        manager,
        reminded.map((notification) => notification.userId),
      );
    });
  }
}
