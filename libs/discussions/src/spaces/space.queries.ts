import { type Actor, searchHitDetailSql } from '@majlis/kernel';
import { SpacePolicy, readerParameters } from './space.policy';

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

  /** The condition that the space under `alias` is readable by `actor` (SpacePolicy's SQL twin, with its parameters). */
  readableSql(actor: Actor, alias: string): { sql: string; params: Record<string, unknown> } {
    return { sql: SpacePolicy.readableSql(alias), params: readerParameters(actor) };
  },

  /** Search's space source: the spaces `actor` reads, under `space`. */
  searchSource() {
    return {
      from: `spaces space`,
      columns: {
        id: 'space.id',
        vector: 'space.search_vector',
        name: 'space.name',
        createdAt: 'space.created_at',
        spaceId: 'space.id',
        organizationId: 'space.owner_organization_id',
      },
      readable: (actor: Actor) => [SpaceQueries.readableSql(actor, 'space')],
    };
  },

  /** The slug of the space `spaceId` (scalar). */
  slugSql(spaceId: string): string {
    return `(SELECT sp.slug FROM spaces sp WHERE sp.id = ${spaceId})`;
  },

  /** A search hit's detail for the space `spaceId` (scalar, kernel `searchHitDetailSql`: title, text, space_slug). */
  searchDetailSql(spaceId: string): string {
    return `(SELECT ${searchHitDetailSql({ title: 'sp.name', text: 'sp.description', space_slug: 'sp.slug' })}
    FROM spaces sp WHERE sp.id = ${spaceId})`;
  },
};
