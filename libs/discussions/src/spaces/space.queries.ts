import { SpacePolicy } from './space.policy';

/**
 * Discussions' port to spaces for other areas' SQL (notifications' delivery and digests). Other libs never name
 * `spaces`: they put these fragments in their own statements, which PostgreSQL inlines.
 */
export const SpaceQueries = {
  /** A relation of spaces' `id`, `name` and `slug`: `LEFT JOIN ${SpaceQueries.rowsSql()} sp ON sp.id = …`. */
  rowsSql(): string {
    return `(SELECT id, name, slug FROM spaces)`;
  },
  /**
   * Condition: the space whose id is the SQL expression `spaceId` exists and the user whose id is the SQL expression
   * `userId` may read it (`SpacePolicy.readableByUserSql`).
   */
  readableByUserSql(spaceId: string, userId: string): string {
    return `EXISTS (SELECT 1 FROM spaces port_space WHERE port_space.id = ${spaceId}
              AND ${SpacePolicy.readableByUserSql('port_space', userId)})`;
  },
};
