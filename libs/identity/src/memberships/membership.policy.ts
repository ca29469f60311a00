import { Actor, MembershipRole, isRepresentativeOf, isStaff } from '@majlis/kernel';
import { Organization } from '../organizations/organization.entity';
import { OrganizationPolicy } from '../organizations/organization.policy';

/** Who may see and change people's places in organisations. Pure decisions, no I/O. */
export const MembershipPolicy = {
  /** A membership is seen with its organisation: whoever sees the organisation sees its people. */
  canSee(actor: Actor, organization: Pick<Organization, 'id' | 'verifiedAt'>): boolean {
    return OrganizationPolicy.canSee(actor, organization);
  },
  /** Staff remove anyone; representatives remove plain members of their organisation; anyone may leave. */
  canRemove(actor: Actor, membership: { userId: string; organizationId: string; role: MembershipRole }): boolean {
    if (isStaff(actor) || membership.userId === actor.userId) return true;
    return isRepresentativeOf(actor, membership.organizationId) && membership.role === 'MEMBER';
  },
  /** Who represents an organisation is the ministry's decision: staff only. */
  canChangeRole(actor: Actor): boolean {
    return isStaff(actor);
  },
  /**
   * An organisation that has a representative keeps one: the last representative is made a member only once
   * someone else represents it (as a space always keeps an owner). Checked under a lock on the organisation.
   */
  keepsARepresentative(change: { from: MembershipRole; to: MembershipRole; otherRepresentatives: number }): boolean {
    return !(change.from === 'REPRESENTATIVE' && change.to !== 'REPRESENTATIVE' && change.otherRepresentatives === 0);
  },
  /**
   * The same rule when someone leaves (removed, leaving, deleting their account): the last representative goes only
   * with the last person — an organisation left with members and nobody to speak for it cannot submit, invite or
   * manage its people, so the ministry is asked to appoint another representative first. An organisation whose
   * last person leaves stays (its submissions are the record) and gets a representative again by invitation.
   */
  leavingKeepsARepresentative(leaving: {
    role: MembershipRole;
    otherRepresentatives: number;
    otherMembers: number;
  }): boolean {
    return leaving.role !== 'REPRESENTATIVE' || leaving.otherRepresentatives > 0 || leaving.otherMembers === 0;
  },
};
