import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { useMemo, useState } from 'react';
import { FormattedDate, FormattedMessage, useIntl } from 'react-intl';
import {
  AnnotationCardDocument,
  DeleteAnnotationDocument,
  UpdateAnnotationDocument,
  type AnchorStatus,
  type AnnotationCardFieldsFragment,
} from '../graphql/generated/graphql';
import { ErrorMessage } from '../ui/ErrorMessage';
import { Loading } from '../ui/States';
import { announce } from './announce';
import { ConfirmButton } from './ConfirmButton';
import { ConflictEditor } from './ConflictEditor';
import { ContentActions } from './ContentActions';
import { ContentBody } from './ContentBody';
import { annotationConversation } from './conversation';
import { useReturnFocus } from './focus';
import { MinistryAnswer } from './MinistryAnswer';
import { MotivationBadge } from './MotivationPicker';
import { ReplyForm } from '../replies/ReplyForm';
import { ReplyTree } from '../replies/ReplyTree';
import { useAnnotationViewer } from './viewer';
import { WordDiff } from './WordDiff';
import './annotations.css';

export interface AnnotationCardProps {
  readonly annotationId: string;
  /** Where the annotation stands on the version being read (from the reader's list), when carried over. */
  readonly anchor?: { readonly status: AnchorStatus; readonly score: number } | null;
  /** Called when its author deleted it and nothing hangs under it (it is gone: the panel may close). */
  readonly onDeleted?: (annotationId: string) => void;
}

/** The annotation and its conversation, in the reader's side panel. */
export function AnnotationCard({ annotationId, anchor, onDeleted }: AnnotationCardProps) {
  const { data, loading, error, refetch } = useQuery(AnnotationCardDocument, { variables: { id: annotationId } });
  if (loading && !data) return <Loading />;
  if (error && !data) return <ErrorMessage error={error} onRetry={() => void refetch()} />;
  const annotation = data?.annotation;
  if (!annotation) return null;
  return <AnnotationView annotation={annotation} anchor={anchor ?? null} onDeleted={onDeleted} />;
}

function AnnotationView({
  annotation,
  anchor,
  onDeleted,
}: {
  readonly annotation: AnnotationCardFieldsFragment;
  readonly anchor: AnnotationCardProps['anchor'];
  readonly onDeleted?: (annotationId: string) => void;
}) {
  const intl = useIntl();
  const { viewer, isModerator, isAuthor } = useAnnotationViewer();
  const [mode, setMode] = useState<'read' | 'edit' | 'reply'>('read');
  const titleRef = useReturnFocus<HTMLHeadingElement>(mode === 'read');
  const mine = isAuthor(annotation.author);
  const live = !annotation.isDeleted && annotation.bodyHtml != null;
  const titleId = `annotation-${annotation.id}-title`;
  const conversation = useMemo(() => annotationConversation(annotation.id), [annotation.id]);
  return (
    <article
      className="card annotation-card"
      data-annotation-id={annotation.id}
      data-motivation={annotation.motivation}
      aria-labelledby={titleId}
    >
      <AnnotationHeader annotation={annotation} anchor={anchor} titleId={titleId} titleRef={titleRef} />
      <MinistryAnswer
        annotationId={annotation.id}
        answer={annotation.answer}
        status={annotation.status}
        canAnswer={isModerator && !annotation.isDeleted}
      />
      <blockquote className="quote" dir="auto">
        {annotation.target.exact}
      </blockquote>
      {mode === 'edit' ? (
        <AnnotationEditor annotation={annotation} onClose={() => setMode('read')} />
      ) : (
        <>
          <ContentBody
            bodyHtml={annotation.bodyHtml}
            isDeleted={annotation.isDeleted}
            moderation={annotation.moderation}
          />
          {annotation.motivation === 'AMENDING' && annotation.suggestedText && live && (
            <section className="amendment-diff" aria-label={intl.formatMessage({ id: 'annotations.diff.title' })}>
              <h3>
                <FormattedMessage id="annotations.diff.title" />
              </h3>
              <WordDiff before={annotation.target.exact} after={annotation.suggestedText} />
            </section>
          )}
        </>
      )}
      {live && mode !== 'edit' && (
        <ContentActions
          kind="ANNOTATION"
          id={annotation.id}
          endorsementCount={annotation.endorsementCount}
          viewerHasEndorsed={annotation.viewerHasEndorsed}
          signedIn={!!viewer}
          mine={mine}
          canReply
          replying={mode === 'reply'}
          onReply={() => setMode('reply')}
          onEdit={() => setMode('edit')}
          deleteControl={<DeleteAnnotation annotation={annotation} onDeleted={onDeleted} />}
        />
      )}
      {mode === 'reply' && (
        <ReplyForm
          conversation={conversation}
          parentId={null}
          onDone={() => setMode('read')}
          onCancel={() => setMode('read')}
        />
      )}
      <section className="conversation" aria-labelledby={`${titleId}-replies`}>
        <h3 id={`${titleId}-replies`}>
          <FormattedMessage id="annotations.card.replies" values={{ count: annotation.replyCount }} />
        </h3>
        <ReplyTree conversation={conversation} replies={annotation.replies.edges.map(({ node }) => node)} />
        {annotation.replies.totalCount > annotation.replies.edges.length && (
          <p className="hint">
            <FormattedMessage
              id="annotations.card.repliesTruncated"
              values={{ shown: annotation.replies.edges.length, total: annotation.replies.totalCount }}
            />
          </p>
        )}
      </section>
    </article>
  );
}

function AnnotationHeader({
  annotation,
  anchor,
  titleId,
  titleRef,
}: {
  readonly annotation: AnnotationCardFieldsFragment;
  readonly anchor: AnnotationCardProps['anchor'];
  readonly titleId: string;
  readonly titleRef: React.Ref<HTMLHeadingElement>;
}) {
  const intl = useIntl();
  return (
    <header>
      <h2 id={titleId} className="card-title" ref={titleRef} tabIndex={-1}>
        <MotivationBadge motivation={annotation.motivation} />{' '}
        <bdi>{annotation.author?.displayName ?? intl.formatMessage({ id: 'annotations.card.unknownAuthor' })}</bdi>
      </h2>
      {annotation.organization && (
        <p className="meta on-behalf">
          <FormattedMessage
            id="annotations.card.onBehalf"
            values={{ name: <bdi>{annotation.organization.name}</bdi> }}
          />
        </p>
      )}
      <p className="meta">
        <bdi>
          <FormattedDate value={annotation.createdAt} dateStyle="medium" />
        </bdi>{' '}
        · {intl.formatMessage({ id: `annotations.card.visibility.${annotation.visibility}` })} ·{' '}
        {intl.formatMessage({ id: `reader.status.${annotation.status}` })}
        {anchor && anchor.status !== 'EXACT' && (
          <>
            {' '}
            ·{' '}
            <span className="anchor-state" data-anchor={anchor.status}>
              <FormattedMessage
                id={`reader.anchor.${anchor.status}`}
                values={{ score: Math.round(anchor.score * 100) }}
              />
            </span>
          </>
        )}
      </p>
    </header>
  );
}

function AnnotationEditor({
  annotation,
  onClose,
}: {
  readonly annotation: AnnotationCardFieldsFragment;
  readonly onClose: () => void;
}) {
  const intl = useIntl();
  const client = useApolloClient();
  const [update] = useMutation(UpdateAnnotationDocument);
  const amending = annotation.motivation === 'AMENDING';
  return (
    <ConflictEditor
      draftKey={`edit:annotation:${annotation.id}`}
      fields={[
        {
          name: 'body',
          label: intl.formatMessage({ id: 'annotations.composer.body' }),
          markdown: true,
          required: true,
        },
        ...(amending
          ? [
              {
                name: 'suggestedText',
                label: intl.formatMessage({ id: 'annotations.composer.suggestedText' }),
                required: true,
              },
            ]
          : []),
      ]}
      initial={{
        body: annotation.bodyMarkdown ?? '',
        ...(amending ? { suggestedText: annotation.suggestedText ?? '' } : {}),
      }}
      version={annotation.version}
      save={(values, version) =>
        update({
          variables: {
            input: {
              id: annotation.id,
              version,
              body: values['body'],
              ...(amending ? { suggestedText: values['suggestedText'] } : {}),
            },
          },
        })
      }
      loadLatest={async () => {
        const { data } = await client.query({
          query: AnnotationCardDocument,
          variables: { id: annotation.id },
          fetchPolicy: 'network-only',
        });
        const latest = data?.annotation;
        return {
          values: {
            body: latest?.bodyMarkdown ?? '',
            ...(amending ? { suggestedText: latest?.suggestedText ?? '' } : {}),
          },
          version: latest?.version ?? annotation.version,
        };
      }}
      onDone={onClose}
      onCancel={onClose}
    />
  );
}

function DeleteAnnotation({
  annotation,
  onDeleted,
}: {
  readonly annotation: AnnotationCardFieldsFragment;
  readonly onDeleted?: (annotationId: string) => void;
}) {
  const intl = useIntl();
  const [remove] = useMutation(DeleteAnnotationDocument);
  return (
    <ConfirmButton
      label={<FormattedMessage id="annotations.delete.action" />}
      title={<FormattedMessage id="annotations.delete.annotationTitle" />}
      explanation={
        <FormattedMessage
          id={
            annotation.replyCount > 0 ? 'annotations.delete.explanationWithReplies' : 'annotations.delete.explanation'
          }
        />
      }
      onConfirm={async () => {
        await remove({ variables: { input: { id: annotation.id } } });
        announce(intl.formatMessage({ id: 'annotations.delete.done' }));
        if (annotation.replyCount === 0) onDeleted?.(annotation.id);
      }}
    />
  );
}
