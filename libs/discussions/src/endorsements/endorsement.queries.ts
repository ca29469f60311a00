/**
 * Discussions' port to endorsements for other areas' SQL (the annotation list's counts). Other libs never name
 * `endorsements`: they put this relation in their own statements, which PostgreSQL inlines.
 */
export const EndorsementQueries = {
  /** A relation of endorsements' `subject_type`, `subject_id` and `user_id`. */
  rowsSql(): string {
    return `(SELECT subject_type, subject_id, user_id FROM endorsements)`;
  },
};
