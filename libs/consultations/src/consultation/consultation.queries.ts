import { ConsultationPolicy } from './consultation.policy';

/**
 * Consultations' port to consultations for other areas' SQL (notifications' reminders, delivery, e-mails and
 * links). Other libs never name `consultations`: they put these fragments in their own statements, which PostgreSQL
 * inlines (the plan is the one the table itself would get).
 */
export const ConsultationQueries = {
  /**
   * A relation of consultations' `id`, `title`, `space_id`, `eligible_kinds`, `opens_at`, `closes_at`,
   * `published_at` and `results_published_at`: `FROM ${ConsultationQueries.rowsSql()} c WHERE …`.
   */
  rowsSql(): string {
    return `(SELECT id, title, space_id, eligible_kinds, opens_at, closes_at, published_at, results_published_at
               FROM consultations)`;
  },
  /**
   * Condition: the consultation whose id is the SQL expression `consultationId` exists and the user `user` (a users
   * row alias) may read it (`ConsultationPolicy.readersSql`).
   */
  readableByUserSql(consultationId: string, user: string): string {
    return `EXISTS (SELECT 1 FROM consultations port_consultation WHERE port_consultation.id = ${consultationId}
              AND ${ConsultationPolicy.readersSql('port_consultation', user)})`;
  },
};
