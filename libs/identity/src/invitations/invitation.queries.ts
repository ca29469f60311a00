import type { EntityManager } from 'typeorm';

/** What the invitation e-mail says: the invitation, its organisation, who sent it and who receives it. */
export interface InvitationToSend {
  readonly email: string;
  readonly expires_at: Date;
  readonly sent_at: Date;
  /** The organisation's name. */
  readonly organization: string;
  /** The inviter's display name and locale. */
  readonly inviter: string;
  readonly inviter_locale: string;
  /** The active account already registered with the invited address, if any. */
  readonly invitee_id: string | null;
  readonly invitee_locale: string | null;
  readonly invitee_name: string | null;
}

/**
 * Identity's port to invitations for other areas (the notifications' mail job). Other libs never name
 * `invitations`: they call these reads, each one statement.
 */
export const InvitationQueries = {
  /** The invitation still to send at `now` (not accepted, withdrawn or expired), in one statement; null otherwise. */
  async toSend(manager: EntityManager, invitationId: string, now: Date): Promise<InvitationToSend | null> {
    const [row]: InvitationToSend[] = await manager.query(
      `SELECT i.email, i.expires_at, i.sent_at, o.name AS organization, inviter.display_name AS inviter,
              inviter.locale AS inviter_locale, invitee.id AS invitee_id, invitee.locale AS invitee_locale,
              invitee.display_name AS invitee_name
         FROM invitations i JOIN organizations o ON o.id = i.organization_id
         JOIN users inviter ON inviter.id = i.invited_by_id
         LEFT JOIN users invitee ON invitee.email = i.email AND invitee.status = 'ACTIVE'
        WHERE i.id = $1 AND i.accepted_at IS NULL AND i.revoked_at IS NULL AND i.expires_at > $2`,
      [invitationId, now],
    );
    return row ?? null;
  },
};
