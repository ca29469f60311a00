/**
 * The first words of a statement that must be planned for its values on every run. The app's pools run a hot
 * statement with parameters prepared, and PostgreSQL may then keep one generic plan for all values
 * (apps/api/src/database/prepared-statements.ts); a statement starting with this comment always runs unnamed. For the
 * statements whose best plan depends on the values themselves: search, where a frequent term and a rare one want
 * different plans (it prepares the rare one's plan itself).
 */
export const PLANNED_PER_RUN = '/* planned per run */ ';
