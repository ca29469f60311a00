import type { EntityManager } from 'typeorm';
import { countById } from '@majlis/kernel';
import { Organization } from './organization.entity';

/**
 * Identity's port to organisations for other areas' SQL. Other libs never name `organizations` or
 * `federation_affiliations`: they call these reads, or, when the row must take part in one of their statements (a
 * join kept as one statement), build it with these fragments. What each fragment exposes is listed on it; the
 * tables behind it stay identity's.
 */
export const OrganizationQueries = {
  /**
   * A relation of organisations with an Organization's columns: `id`, `kind`, `name`, `acronym`, `ice`,
   * `description`, `verified_at`, `verified_by_id`, `created_at`, `updated_at` and `version`, to join in one
   * statement: `JOIN ${OrganizationQueries.rowsSql()} o ON o.id = …` (PostgreSQL inlines it: same plan as the table).
   */
  rowsSql(): string {
    return `(SELECT id, kind, name, acronym, ice, description, verified_at, verified_by_id, created_at, updated_at, version
               FROM organizations)`;
  },
  /**
   * The organisations as search reads them: `id`, `name`, `verified_at` (OrganizationPolicy.canSeeSql's columns),
   * `created_at` and `search_vector` (their name, acronym and description). Inlined like rowsSql, so the search's
   * indexes on the table (the vector's, the name's trigrams) serve its conditions.
   */
  searchableSql(): string {
    return `(SELECT id, name, verified_at, created_at, search_vector FROM organizations)`;
  },
  /** The kind of the organisation whose id is the SQL expression `organizationId`, as a scalar (NULL if none). */
  kindSql(organizationId: string): string {
    return `(SELECT port_organization.kind FROM organizations port_organization WHERE port_organization.id = ${organizationId})`;
  },
  /**
   * The company `companyId` is affiliated with the federation `federationId` (both SQL expressions), and the
   * federation is one (kind FEDERATION) when `federationKind` is asked for.
   */
  affiliatedSql(companyId: string, federationId: string, options: { federationKind?: boolean } = {}): string {
    const kind = options.federationKind
      ? ` AND EXISTS (SELECT 1 FROM organizations port_federation
                       WHERE port_federation.id = ${federationId} AND port_federation.kind = 'FEDERATION')`
      : '';
    return `(EXISTS (SELECT 1 FROM federation_affiliations port_affiliation
                     WHERE port_affiliation.federation_id = ${federationId}
                       AND port_affiliation.organization_id = ${companyId})${kind})`;
  },
  /** How many of these organisation ids exist (duplicates counted once), in one statement. */
  countExisting(manager: EntityManager, ids: readonly string[]): Promise<number> {
    return countById(manager, Organization, ids);
  },
  /** The ministry: the oldest organisation of kind MINISTRY, or null if there is none. */
  async ministryId(manager: EntityManager): Promise<string | null> {
    const [ministry]: { id: string }[] = await manager.query(
      `SELECT id FROM organizations WHERE kind = 'MINISTRY' ORDER BY created_at LIMIT 1`,
    );
    return ministry?.id ?? null;
  },
};
