import { useQuery } from '@apollo/client/react';
import { useCallback, useMemo, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { announce } from '../annotations/announce';
import { useSession } from '../app/session';
import { type LiveEvent, useLiveEvents } from '../app/use-live-events';
import { ContributionDiscussionDocument } from '../graphql/generated/graphql';
import { ReplyForm } from '../replies/ReplyForm';
import { ReplyTree } from '../replies/ReplyTree';
import { ErrorMessage } from '../ui/ErrorMessage';
import { Empty, Loading } from '../ui/States';
import { contributionConversation } from './contribution-conversation';

/**
 * The organisation's internal discussion of its contribution (its members only): the same replies as a thread's —
 * nested three deep, edited against their version, deleted as tombstones, endorsed, reported (to the organisation's
 * representatives) and mentioning the organisation's people.
 */
export function ContributionDiscussion({
  consultationId,
  organizationId,
  contributionId,
}: {
  readonly consultationId: string;
  readonly organizationId: string;
  readonly contributionId: string;
}) {
  const variables = { consultationId, organizationId };
  const { data, loading, error, refetch } = useQuery(ContributionDiscussionDocument, { variables });
  const [writing, setWriting] = useState(false);
  const conversation = useMemo(
    () => contributionConversation({ contributionId, consultationId, organizationId }),
    [contributionId, consultationId, organizationId],
  );
  const connection = data?.contribution.comments;
  const replies = connection?.edges.map((edge) => edge.node) ?? [];
  useLiveDiscussion(consultationId, refetch);

  return (
    <section className="contribution-discussion conversation" aria-labelledby="discussion-title">
      <h2 id="discussion-title">
        <FormattedMessage id="consultations.discussion.title" />
      </h2>
      {loading && !data && <Loading />}
      {error && <ErrorMessage error={error} onRetry={() => void refetch()} />}
      {data && replies.length === 0 && (
        <Empty>
          <FormattedMessage id="consultations.discussion.empty" />
        </Empty>
      )}
      {data && <ReplyTree conversation={conversation} replies={replies} />}
      {connection && connection.totalCount > replies.length && (
        <p className="hint">
          <FormattedMessage
            id="annotations.card.repliesTruncated"
            values={{ shown: replies.length, total: connection.totalCount }}
          />
        </p>
      )}
      {data &&
        (writing ? (
          <ReplyForm
            conversation={conversation}
            parentId={null}
            onDone={() => setWriting(false)}
            onCancel={() => setWriting(false)}
          />
        ) : (
          <button type="button" onClick={() => setWriting(true)}>
            <FormattedMessage id="consultations.discussion.write" />
          </button>
        ))}
    </section>
  );
}

/**
 * Colleagues' replies, edits, deletions and moderation arrive live: the consultation's live events (each checked
 * by the API against who may read it, so only one's own organisation's discussion reaches here) make the discussion
 * be read again, and what others did is announced politely.
 */
function useLiveDiscussion(consultationId: string, refetch: () => Promise<unknown>): void {
  const intl = useIntl();
  const { viewer } = useSession();
  const viewerId = viewer?.id;
  const onEvents = useCallback(
    (events: readonly LiveEvent[]) => {
      const replies = events.filter((event) => event.subjectType === 'COMMENT');
      if (replies.length === 0) return;
      const others = replies.filter((event) => event.actorId !== viewerId);
      void refetch()
        .then(() => {
          if (others.length > 0)
            announce(intl.formatMessage({ id: 'consultations.discussion.live' }, { count: others.length }));
        })
        // Access lost meanwhile: the next read shows it.
        .catch(() => undefined);
    },
    [refetch, viewerId, intl],
  );
  useLiveEvents({ consultationId }, onEvents);
}
