/**
 * The link an invitee opens: `<origin>/invitations/accept?token=<token>` (the token is the invitation's
 * single-use secret, URL-encoded). E-mails and the "copy the link" button both build it here.
 */
export const INVITATION_ACCEPT_PATH = '/invitations/accept';

export function invitationLink(token: string, origin: string = window.location.origin): string {
  return `${origin}${INVITATION_ACCEPT_PATH}?token=${encodeURIComponent(token)}`;
}
