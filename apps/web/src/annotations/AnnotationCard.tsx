import { useQuery } from '@apollo/client/react';
import { FormattedDate, FormattedMessage, useIntl } from 'react-intl';
import { AnnotationCardDocument, type AnchorStatus } from '../graphql/generated/graphql';
import { ErrorMessage } from '../ui/ErrorMessage';
import { Loading } from '../ui/States';

export interface AnnotationCardProps {
  readonly annotationId: string;
  /** Where the annotation stands on the version being read (from the reader's list), when carried over. */
  readonly anchor?: { readonly status: AnchorStatus; readonly score: number } | null;
}

/** Contract for the annotation card (owned by the annotations area): the annotation and its conversation. */
export function AnnotationCard({ annotationId, anchor }: AnnotationCardProps) {
  const intl = useIntl();
  const { data, loading, error } = useQuery(AnnotationCardDocument, { variables: { id: annotationId } });
  if (loading && !data) return <Loading />;
  if (error) return <ErrorMessage error={error} />;
  const annotation = data?.annotation;
  if (!annotation) return null;
  return (
    <article className={`card motivation-${annotation.motivation}`} aria-labelledby={`card-${annotation.id}`}>
      <header>
        <h2 id={`card-${annotation.id}`} className="card-title">
          <span className="motivation-badge" data-motivation={annotation.motivation}>
            {intl.formatMessage({ id: `reader.motivation.${annotation.motivation}` })}
          </span>{' '}
          {annotation.author?.displayName ?? intl.formatMessage({ id: 'annotations.card.deleted' })}
          {annotation.organization && <span className="org"> · {annotation.organization.name}</span>}
        </h2>
        <p className="meta">
          <FormattedDate value={annotation.createdAt} dateStyle="medium" /> ·{' '}
          {intl.formatMessage({ id: `reader.visibility.${annotation.visibility}` })} ·{' '}
          {intl.formatMessage({ id: `reader.status.${annotation.status}` })}
          {anchor && anchor.status !== 'EXACT' && (
            <>
              {' '}
              ·{' '}
              <FormattedMessage
                id={`reader.anchor.${anchor.status}`}
                values={{ score: Math.round(anchor.score * 100) }}
              />
            </>
          )}
        </p>
      </header>
      <blockquote className="quote">{annotation.target.exact}</blockquote>
      {annotation.answer && (
        <section className="answer" aria-label={intl.formatMessage({ id: 'annotations.card.answer' })}>
          <h3>
            <FormattedMessage id="annotations.card.answer" /> —{' '}
            {intl.formatMessage({ id: `annotations.disposition.${annotation.answer.disposition}` })}
          </h3>
          <p>{annotation.answer.rationale}</p>
        </section>
      )}
      {annotation.bodyHtml ? (
        <div className="body" dangerouslySetInnerHTML={{ __html: annotation.bodyHtml }} />
      ) : (
        <p className="tombstone">
          <FormattedMessage id="annotations.card.deleted" />
        </p>
      )}
      {annotation.suggestedText && (
        <p className="suggested">
          <FormattedMessage id="annotations.card.suggested" /> {annotation.suggestedText}
        </p>
      )}
      <section aria-label={intl.formatMessage({ id: 'annotations.card.replies' }, { count: annotation.replyCount })}>
        <h3>
          <FormattedMessage id="annotations.card.replies" values={{ count: annotation.replyCount }} />
        </h3>
        <ol className="replies">
          {annotation.replies.edges.map(({ node }) => (
            <li key={node.id} style={{ marginInlineStart: `${(node.depth - 1) * 1.25}rem` }}>
              <p className="meta">
                {node.author?.displayName ?? intl.formatMessage({ id: 'annotations.card.deleted' })}
                {node.isOfficial && (
                  <strong>
                    {' '}
                    · <FormattedMessage id="annotations.card.official" />
                  </strong>
                )}
              </p>
              {node.bodyHtml && <div className="body" dangerouslySetInnerHTML={{ __html: node.bodyHtml }} />}
            </li>
          ))}
        </ol>
      </section>
    </article>
  );
}
