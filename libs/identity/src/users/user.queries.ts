/**
 * Identity's port to people for other areas' SQL. Other libs never name `users`: they put these fragments in their
 * own statements (a join, or a scalar, kept in one statement). What each exposes is listed on it; the table behind
 * it stays identity's, and PostgreSQL inlines the fragments: the plan is the one the table itself would get.
 */
export const UserQueries = {
  /**
   * A relation of accounts with a User's columns but its password hash: `id`, `email`, `display_name`, `locale`,
   * `platform_role`, `status`, `created_at`, `updated_at` and `version`. The areas' readers' rules read a person
   * through it (their `user` alias reads `id`, `status` and `platform_role`), mail jobs their address and locale,
   * lists an author's profile: `FROM ${UserQueries.rowsSql()} u WHERE …`, `LEFT JOIN ${UserQueries.rowsSql()} author
   * ON …`.
   */
  rowsSql(): string {
    return `(SELECT id, email, display_name, locale, platform_role, status, created_at, updated_at, version FROM users)`;
  },
  /** The display name of the person whose id is the SQL expression `userId`, as a scalar (NULL if none). */
  displayNameSql(userId: string): string {
    return `(SELECT port_user.display_name FROM users port_user WHERE port_user.id = ${userId})`;
  },
};
