import { useMutation, useQuery } from '@apollo/client/react';
import { FormattedMessage, useIntl } from 'react-intl';
import { FollowDocument, FollowingDocument, type FollowableType, UnfollowDocument } from '../graphql/generated/graphql';
import { announce } from '../annotations/announce';
import { ErrorMessage } from '../ui/ErrorMessage';
import { BusyButton } from '../ui/BusyButton';
import { useSession } from '../app/session';

/**
 * Follow or stop following a document, an article (`<documentId>:<articleKey>`), a thread, a space or a
 * consultation: a toggle button (`aria-pressed`) whose name stays the same, its state said by the pressed state.
 * A refusal is said where the button is (role="alert"), and the state stays what the server holds. Signed in only.
 */
export function FollowButton({
  subjectType,
  subjectId,
  labelId = 'notifications.follow.label',
}: {
  subjectType: FollowableType;
  subjectId: string;
  /** The button's name, when "Follow" alone would be ambiguous on the page (an article beside its document). */
  labelId?: string;
}) {
  const intl = useIntl();
  const variables = { subjectType, subjectId };
  const { viewer } = useSession();
  const { data } = useQuery(FollowingDocument, { variables, skip: !viewer });
  const following = data?.following ?? false;
  const [follow, followed] = useMutation(FollowDocument, {
    update: (cache) => cache.writeQuery({ query: FollowingDocument, variables, data: { following: true } }),
  });
  const [unfollow, unfollowed] = useMutation(UnfollowDocument, {
    update: (cache) => cache.writeQuery({ query: FollowingDocument, variables, data: { following: false } }),
  });
  if (!data) return null;
  const error = followed.error ?? unfollowed.error;
  return (
    <span className="follow">
      <BusyButton
        type="button"
        className="follow-button"
        aria-pressed={following}
        busy={followed.loading || unfollowed.loading}
        onClick={async () => {
          const input = { subjectType, subjectId };
          try {
            if (following) await unfollow({ variables: { input } });
            else await follow({ variables: { input } });
          } catch {
            return; // said by the ErrorMessage below
          }
          announce(
            intl.formatMessage({ id: following ? 'notifications.follow.stopped' : 'notifications.follow.started' }),
          );
        }}
      >
        <FormattedMessage id={labelId} />
      </BusyButton>
      {error && <ErrorMessage error={error} />}
    </span>
  );
}
