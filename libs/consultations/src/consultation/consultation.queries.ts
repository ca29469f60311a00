import { type Actor, searchHitDetailSql } from '@majlis/kernel';
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

  /** Search's consultation source: the consultations `actor` sees, under `consultation`. */
  searchSource() {
    return {
      from: `consultations consultation`,
      columns: {
        id: 'consultation.id',
        vector: 'consultation.search_vector',
        name: 'consultation.title',
        createdAt: 'coalesce(consultation.published_at, consultation.created_at)',
        spaceId: 'consultation.space_id',
        consultationId: 'consultation.id',
      },
      readable: (actor: Actor) => [ConsultationPolicy.visibleSql('consultation', actor)],
    };
  },

  /** Search's question source: the questions of the consultations `actor` sees, under `question`. */
  questionSearchSource() {
    return {
      from: `consultation_questions question
           JOIN consultations question_consultation ON question_consultation.id = question.consultation_id`,
      columns: {
        id: 'question.id',
        vector: 'question.search_vector',
        createdAt: 'coalesce(question_consultation.published_at, question_consultation.created_at)',
        documentId: 'question.document_id',
        versionId: 'question.version_id',
        articleKey: 'question.section_key',
        consultationId: 'question.consultation_id',
      },
      readable: (actor: Actor) => [ConsultationPolicy.visibleSql('question_consultation', actor)],
    };
  },

  /**
   * A search hit's detail for the consultation `consultationId` (scalar, kernel `searchHitDetailSql`: title, text,
   * space_slug); `spaceSlug` is the caller's SQL for its space's slug.
   */
  searchDetailSql(consultationId: string, { spaceSlug }: { spaceSlug: string }): string {
    return `(SELECT ${searchHitDetailSql({ title: 'co.title', text: 'co.summary', space_slug: spaceSlug })}
    FROM consultations co WHERE co.id = ${consultationId})`;
  },

  /**
   * A search hit's detail for the question `questionId` (scalar, kernel `searchHitDetailSql`: title, text,
   * version_number); `versionNumber` is the caller's SQL for the number of the version it is about.
   */
  questionSearchDetailSql(questionId: string, { versionNumber }: { versionNumber: string }): string {
    return `(SELECT ${searchHitDetailSql({
      title: 'co.title',
      text: "q.prompt || ' ' || array_to_string(q.options, ' · ')",
      version_number: versionNumber,
    })}
    FROM consultation_questions q JOIN consultations co ON co.id = q.consultation_id WHERE q.id = ${questionId})`;
  },
};
