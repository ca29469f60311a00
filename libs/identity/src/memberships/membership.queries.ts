/**
 * Identity's port to memberships for other areas' SQL: conditions and a relation to put in their own statements, so
 * that reading who belongs to an organisation stays one statement, while `memberships` stays identity's table.
 */
export const MembershipQueries = {
  /**
   * A relation of memberships with the columns `user_id`, `organization_id` and `role`, to join in one statement:
   * `JOIN ${MembershipQueries.rowsSql()} m ON m.user_id = u.id` (PostgreSQL inlines it: same plan as the table).
   */
  rowsSql(): string {
    return `(SELECT user_id, organization_id, role FROM memberships)`;
  },
  /** The user whose id is the SQL expression `userId` is a member (any role) of the organisation `organizationId`. */
  isMemberSql(userId: string, organizationId: string): string {
    return `EXISTS (SELECT 1 FROM memberships port_membership
                     WHERE port_membership.user_id = ${userId} AND port_membership.organization_id = ${organizationId})`;
  },
  /** The user whose id is the SQL expression `userId` represents the organisation `organizationId`. */
  isRepresentativeSql(userId: string, organizationId: string): string {
    return `EXISTS (SELECT 1 FROM memberships port_representative
                     WHERE port_representative.user_id = ${userId} AND port_representative.role = 'REPRESENTATIVE'
                       AND port_representative.organization_id = ${organizationId})`;
  },
  /**
   * The ids of the organisations the user whose id is the SQL expression `userId` belongs to (any role), as a
   * parenthesised subquery: `organization_id IN ${MembershipQueries.organizationIdsSql('u.id')}`.
   */
  organizationIdsSql(userId: string): string {
    return `(SELECT port_membership.organization_id FROM memberships port_membership WHERE port_membership.user_id = ${userId})`;
  },
};
