import { Actor, MembershipRole, isRepresentativeOf, isStaff } from '@majlis/kernel';
import { Organization } from '../organizations/organization.entity';

/** Who may invite people into organisations, and who may accept an invitation. Pure decisions, no I/O. */
export const InvitationPolicy = {
  /** Staff invite anyone with any role; representatives invite plain members into their own organisation. */
  canInvite(actor: Actor, organization: Pick<Organization, 'id'>, role: MembershipRole): boolean {
    return isStaff(actor) || (isRepresentativeOf(actor, organization.id) && role === 'MEMBER');
  },
  canSeeInvitations(actor: Actor, organization: Pick<Organization, 'id'>): boolean {
    return isStaff(actor) || isRepresentativeOf(actor, organization.id);
  },
  /**
   * A signed-in person accepts only the invitations addressed to their own e-mail (an anonymous caller proves who
   * they are with a password instead, through the throttled password check).
   */
  canAcceptSignedIn(person: { email: string }, invitation: { email: string }): boolean {
    return person.email.toLowerCase() === invitation.email.toLowerCase();
  },
};
