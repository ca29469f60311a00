import { Actor, MembershipRole, isRepresentativeOf, isStaff } from '@majlis/kernel';
import { Organization } from '../organizations/organization.entity';
import type { SqlCondition } from '@majlis/kernel';
import type { Invitation } from './invitation.entity';

/** Who may invite people into organisations, and who may accept an invitation. Pure decisions, no I/O. */
export const InvitationPolicy = {
  /** Staff invite anyone with any role; representatives invite plain members into their own organisation. */
  canInvite(actor: Actor, organization: Pick<Organization, 'id'>, role: MembershipRole): boolean {
    return isStaff(actor) || (isRepresentativeOf(actor, organization.id) && role === 'MEMBER');
  },
  /** Staff and the organisation's representatives see its invitations (others get NOT_FOUND for one of them). */
  canSeeInvitations(actor: Actor, organization: Pick<Organization, 'id'>): boolean {
    return isStaff(actor) || isRepresentativeOf(actor, organization.id);
  },
  /** Resending or withdrawing an invitation: whoever could issue it (a representative: member invitations only). */
  canManage(actor: Actor, invitation: Pick<Invitation, 'organizationId' | 'role'>): boolean {
    return InvitationPolicy.canInvite(actor, { id: invitation.organizationId }, invitation.role);
  },
  /** Pending: neither accepted nor withdrawn (an expired one is still pending, so that it can be resent). */
  isPending(invitation: Pick<Invitation, 'acceptedAt' | 'revokedAt'>): boolean {
    return invitation.acceptedAt === null && invitation.revokedAt === null;
  },
  /** SQL twin of `isPending`, on the invitations table under `alias`. */
  isPendingSql(alias: string): SqlCondition {
    return { sql: `(${alias}.accepted_at IS NULL AND ${alias}.revoked_at IS NULL)`, params: {} };
  },
  /**
   * A signed-in person accepts only the invitations addressed to their own e-mail (an anonymous caller proves who
   * they are with a password instead, through the throttled password check).
   */
  canAcceptSignedIn(person: { email: string }, invitation: { email: string }): boolean {
    return person.email.toLowerCase() === invitation.email.toLowerCase();
  },
};
