/**
 * Identity's port to people for other areas' SQL. A relation of accounts with the columns `id`, `status` and
 * `platform_role`, to read in one statement with the area's readers' rule (the rules' `user` alias reads these
 * columns): `FROM ${UserQueries.rowsSql()} u WHERE …` (PostgreSQL inlines it: same plan as the table).
 */
export const UserQueries = {
  rowsSql(): string {
    return `(SELECT id, status, platform_role FROM users)`;
  },
};
