import { useMutation, useQuery } from '@apollo/client/react';
import { FormattedMessage, useIntl } from 'react-intl';
import { FollowDocument, FollowingDocument, type FollowableType, UnfollowDocument } from '../graphql/generated/graphql';
import { announce } from '../annotations/announce';

/**
 * Follow or stop following a document, an article (`<documentId>:<articleKey>`), a thread, a space or a
 * consultation: a toggle button (`aria-pressed`) whose name stays the same, its state said by the pressed state.
 */
export function FollowButton({ subjectType, subjectId }: { subjectType: FollowableType; subjectId: string }) {
  const intl = useIntl();
  const variables = { subjectType, subjectId };
  const { data } = useQuery(FollowingDocument, { variables });
  const following = data?.following ?? false;
  const [follow, { loading: following_ }] = useMutation(FollowDocument, {
    update: (cache) => cache.writeQuery({ query: FollowingDocument, variables, data: { following: true } }),
  });
  const [unfollow, { loading: unfollowing }] = useMutation(UnfollowDocument, {
    update: (cache) => cache.writeQuery({ query: FollowingDocument, variables, data: { following: false } }),
  });
  if (!data) return null;
  return (
    <button
      type="button"
      className="follow-button"
      aria-pressed={following}
      disabled={following_ || unfollowing}
      onClick={async () => {
        const input = { subjectType, subjectId };
        if (following) await unfollow({ variables: { input } });
        else await follow({ variables: { input } });
        announce(
          intl.formatMessage({ id: following ? 'notifications.follow.stopped' : 'notifications.follow.started' }),
        );
      }}
    >
      <FormattedMessage id="notifications.follow.label" />
    </button>
  );
}
