/**
 * Identity's port to memberships for other areas' SQL: a condition to put in their own statement, so that reading
 * who belongs to an organisation stays one statement, while `memberships` stays identity's table.
 */
export const MembershipQueries = {
  /** The user whose id is the SQL expression `userId` is a member (any role) of the organisation `organizationId`. */
  isMemberSql(userId: string, organizationId: string): string {
    return `EXISTS (SELECT 1 FROM memberships port_membership
                     WHERE port_membership.user_id = ${userId} AND port_membership.organization_id = ${organizationId})`;
  },
};
