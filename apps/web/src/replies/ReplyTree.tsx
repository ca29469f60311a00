import { useApolloClient, useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { FormattedDate, FormattedMessage, useIntl } from 'react-intl';
import { DeleteReplyDocument, EditReplyDocument, type ReplyFieldsFragment } from '../graphql/generated/graphql';
import { ConfirmButton } from '../annotations/ConfirmButton';
import { ConflictEditor } from '../annotations/ConflictEditor';
import { ContentActions } from '../annotations/ContentActions';
import { ContentBody } from '../annotations/ContentBody';
import type { Conversation } from './conversation';
import { useReturnFocus } from '../annotations/focus';
import { ReplyForm } from './ReplyForm';
import { useAnnotationViewer } from '../annotations/viewer';

/** Conversations are trees of depth ≤ 3: a reply at depth 3 takes no reply. */
export const MAX_REPLY_DEPTH = 3;

export interface ReplyTreeProps {
  readonly conversation: Conversation;
  /** Every reply, flat, oldest first (as the API lists them). */
  readonly replies: readonly ReplyFieldsFragment[];
}

/** Replies nested under their parents (nested lists, so screen readers announce each level). */
export function ReplyTree({ conversation, replies }: ReplyTreeProps) {
  const children = new Map<string | null, ReplyFieldsFragment[]>();
  for (const reply of replies) {
    const parent = reply.parentId ?? null;
    children.set(parent, [...(children.get(parent) ?? []), reply]);
  }
  return <ReplyList conversation={conversation} parentId={null} childrenOf={children} />;
}

function ReplyList({
  conversation,
  parentId,
  childrenOf,
}: {
  readonly conversation: Conversation;
  readonly parentId: string | null;
  readonly childrenOf: Map<string | null, ReplyFieldsFragment[]>;
}) {
  // A deleted reply stays as a tombstone only while replies hang under it.
  const shown = (childrenOf.get(parentId) ?? []).filter((reply) => !reply.isDeleted || childrenOf.has(reply.id));
  if (shown.length === 0) return null;
  return (
    <ol className="replies">
      {shown.map((reply) => (
        <li key={reply.id}>
          <ReplyItem conversation={conversation} reply={reply} />
          <ReplyList conversation={conversation} parentId={reply.id} childrenOf={childrenOf} />
        </li>
      ))}
    </ol>
  );
}

type Mode = 'read' | 'reply' | 'edit';

function ReplyItem({
  conversation,
  reply,
}: {
  readonly conversation: Conversation;
  readonly reply: ReplyFieldsFragment;
}) {
  const intl = useIntl();
  const client = useApolloClient();
  const { viewer, isAuthor } = useAnnotationViewer();
  const [mode, setMode] = useState<Mode>('read');
  const articleRef = useReturnFocus<HTMLElement>(mode === 'read');
  const [edit] = useMutation(EditReplyDocument);
  const [remove] = useMutation(DeleteReplyDocument);
  const mine = isAuthor(reply.author);
  const live = !reply.isDeleted && reply.bodyHtml != null;

  return (
    <article
      ref={articleRef}
      id={`reply-${reply.id}`}
      tabIndex={-1}
      className="reply"
      aria-label={intl.formatMessage({ id: 'annotations.reply.of' }, { author: reply.author?.displayName ?? '—' })}
    >
      <p className="meta">
        <strong>
          <bdi>{reply.author?.displayName ?? intl.formatMessage({ id: 'annotations.card.unknownAuthor' })}</bdi>
        </strong>
        {reply.organization && (
          <>
            {' '}
            ·{' '}
            <FormattedMessage id="annotations.card.onBehalf" values={{ name: <bdi>{reply.organization.name}</bdi> }} />
          </>
        )}
        {reply.isOfficial && (
          <strong className="official">
            {' '}
            · <FormattedMessage id="annotations.card.official" />
          </strong>
        )}{' '}
        ·{' '}
        <bdi>
          <FormattedDate value={reply.createdAt} dateStyle="medium" timeStyle="short" />
        </bdi>
        {reply.editedAt && (
          <>
            {' '}
            · <FormattedMessage id="annotations.card.edited" />
          </>
        )}
      </p>
      {mode === 'edit' ? (
        <ConflictEditor
          draftKey={`edit:comment:${reply.id}`}
          fields={[
            {
              name: 'body',
              label: intl.formatMessage({ id: 'annotations.reply.label' }),
              markdown: true,
              required: true,
              mentions: conversation.mentions,
            },
          ]}
          initial={{ body: reply.bodyMarkdown ?? '' }}
          version={reply.version}
          save={(values, version) =>
            edit({ variables: { input: { id: reply.id, body: values['body'] ?? '', version } } })
          }
          loadLatest={async () => {
            const latest = await conversation.loadReply(client, reply.id);
            return { values: { body: latest?.bodyMarkdown ?? '' }, version: latest?.version ?? reply.version };
          }}
          onDone={() => setMode('read')}
          onCancel={() => setMode('read')}
        />
      ) : (
        <ContentBody bodyHtml={reply.bodyHtml} isDeleted={reply.isDeleted} moderation={reply.moderation} />
      )}
      {live && mode !== 'edit' && (
        <ContentActions
          kind="COMMENT"
          id={reply.id}
          endorsementCount={reply.endorsementCount}
          viewerHasEndorsed={reply.viewerHasEndorsed}
          signedIn={!!viewer}
          mine={mine}
          canReply={conversation.open && reply.depth < MAX_REPLY_DEPTH}
          replying={mode === 'reply'}
          onReply={() => setMode('reply')}
          onEdit={() => setMode('edit')}
          deleteControl={
            <ConfirmButton
              label={<FormattedMessage id="annotations.delete.action" />}
              title={<FormattedMessage id="annotations.delete.replyTitle" />}
              explanation={<FormattedMessage id="annotations.delete.explanation" />}
              onConfirm={() => remove({ variables: { input: { id: reply.id } } })}
            />
          }
        />
      )}
      {mode === 'reply' && (
        <ReplyForm
          conversation={conversation}
          parentId={reply.id}
          onDone={() => setMode('read')}
          onCancel={() => setMode('read')}
        />
      )}
    </article>
  );
}
