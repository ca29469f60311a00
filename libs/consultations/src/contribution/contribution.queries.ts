import type { Actor } from '@majlis/kernel';
import { CommentQueries } from '@majlis/discussions';
import { ConsultationPolicy, ContributionPolicy } from '../consultation/consultation.policy';

/**
 * Consultations' port to contributions for other areas' SQL (notifications' reminders, fan-out and links). Other
 * libs never name `contributions`: they put these fragments in their own statements, which PostgreSQL inlines.
 */
export const ContributionQueries = {
  /**
   * Condition: the organisation whose id is the SQL expression `organizationId` has submitted its contribution to the
   * consultation `consultationId` (submitted, or changed since).
   */
  submittedSql(consultationId: string, organizationId: string): string {
    return `EXISTS (SELECT 1 FROM contributions port_contribution WHERE port_contribution.consultation_id = ${consultationId}
              AND port_contribution.organization_id = ${organizationId}
              AND port_contribution.status IN ('SUBMITTED', 'CHANGED_SINCE_SUBMITTED'))`;
  },

  /**
   * A relation of contributions' `id` and `consultation_id`, for a join from a reply:
   * `LEFT JOIN ${ContributionQueries.rowsSql()} k ON c.subject_type = 'CONTRIBUTION' AND k.id = …`.
   */
  rowsSql(): string {
    return `(SELECT id, consultation_id FROM contributions)`;
  },

  /**
   * A relation of the contributions whose internal discussion the user `user` (a users row alias) reads: a member
   * of its organisation (`ContributionPolicy.memberReaderSql`), in a consultation they read; with `id` and
   * `consultation_id`.
   */
  readableDiscussionsSql(user: string): string {
    return `(SELECT port_contribution.id, port_contribution.consultation_id
               FROM contributions port_contribution
               JOIN consultations port_consultation ON port_consultation.id = port_contribution.consultation_id
              WHERE ${ContributionPolicy.memberReaderSql('port_contribution.id', user)}
                AND ${ConsultationPolicy.readersSql('port_consultation', user)})`;
  },

  /**
   * Search's source of an organisation's internal discussion of its contribution (discussions' comments joined to
   * the contribution and its consultation), under `contribution_reply`: its members alone (ContributionPolicy).
   */
  replySearchSource() {
    return CommentQueries.replySearchSource('contribution_reply', {
      joins: `JOIN contributions reply_contribution ON ${CommentQueries.underSql('contribution_reply', 'CONTRIBUTION', 'reply_contribution.id')}
           JOIN consultations reply_consultation ON reply_consultation.id = reply_contribution.consultation_id`,
      columns: {
        consultationId: 'reply_contribution.consultation_id',
      },
      readable: (actor: Actor) => [
        ContributionPolicy.visibleSql('reply_contribution', actor),
        ConsultationPolicy.visibleSql('reply_consultation', actor),
      ],
    });
  },
};
