import { useMutation, useQuery } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { announce } from '../annotations/announce';
import { useDraft } from '../annotations/drafts';
import { MarkdownField } from '../annotations/MarkdownField';
import { ContributionDiscussionDocument, PostContributionCommentDocument } from '../graphql/generated/graphql';
import { ErrorMessage } from '../ui/ErrorMessage';
import { Empty, Loading } from '../ui/States';

/** The organisation's internal discussion of its contribution (its members only), and a message to add to it. */
export function ContributionDiscussion({
  consultationId,
  organizationId,
  contributionId,
}: {
  readonly consultationId: string;
  readonly organizationId: string;
  readonly contributionId: string;
}) {
  const intl = useIntl();
  const variables = { consultationId, organizationId };
  const { data, loading, error, refetch } = useQuery(ContributionDiscussionDocument, { variables });
  const draft = useDraft(`contribution-comment:${contributionId}`, { body: '' });
  const [checked, setChecked] = useState(false);
  const [post, posting] = useMutation(PostContributionCommentDocument);
  const comments = data?.contribution.comments.edges.map((edge) => edge.node) ?? [];
  const missing = checked && !draft.value.body.trim();

  async function send(event: FormEvent) {
    event.preventDefault();
    setChecked(true);
    if (!draft.value.body.trim()) return;
    try {
      await post({
        variables: { input: { subjectType: 'CONTRIBUTION', subjectId: contributionId, body: draft.value.body } },
      });
      draft.clear();
      setChecked(false);
      await refetch();
      announce(intl.formatMessage({ id: 'consultations.discussion.posted' }));
    } catch {
      // Shown below by ErrorMessage; the draft is kept.
    }
  }

  return (
    <section className="contribution-discussion" aria-labelledby="discussion-title">
      <h2 id="discussion-title">
        <FormattedMessage id="consultations.discussion.title" />
      </h2>
      {loading && !data && <Loading />}
      {error && <ErrorMessage error={error} onRetry={() => void refetch()} />}
      {data && comments.length === 0 && (
        <Empty>
          <FormattedMessage id="consultations.discussion.empty" />
        </Empty>
      )}
      <ul className="discussion-list">
        {comments.map((comment) => (
          <li key={comment.id}>
            <p className="meta">
              <strong>
                {comment.author?.displayName ?? intl.formatMessage({ id: 'consultations.history.someone' })}
              </strong>{' '}
              ·{' '}
              <time dateTime={comment.createdAt}>
                {intl.formatDate(comment.createdAt, { dateStyle: 'medium', timeStyle: 'short' })}
              </time>
            </p>
            {comment.isDeleted || !comment.bodyHtml ? (
              <p className="hint">
                <FormattedMessage id="consultations.discussion.deleted" />
              </p>
            ) : (
              // Rendered and sanitised by the API.
              <div className="body" dir="auto" dangerouslySetInnerHTML={{ __html: comment.bodyHtml }} />
            )}
          </li>
        ))}
      </ul>
      <form onSubmit={send} noValidate>
        <MarkdownField
          label={intl.formatMessage({ id: 'consultations.discussion.label' })}
          value={draft.value.body}
          onChange={(body) => draft.update({ body })}
          error={missing ? intl.formatMessage({ id: 'consultations.discussion.required' }) : null}
          rows={3}
        />
        {posting.error && <ErrorMessage error={posting.error} />}
        <button type="submit" disabled={posting.loading}>
          <FormattedMessage id="consultations.discussion.post" />
        </button>
      </form>
    </section>
  );
}
