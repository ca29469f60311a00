import { useQuery } from '@apollo/client/react';
import { useMemo, useState } from 'react';
import { FormattedMessage } from 'react-intl';
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
