import { useScrollToHash } from '../ui/scroll-to-hash';
import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { useEffect, useMemo, useState } from 'react';
import { FormattedDate, FormattedMessage, useIntl } from 'react-intl';
import { Link, useNavigate, useParams } from 'react-router';
import { announce } from '../annotations/announce';
import { ConfirmButton } from '../annotations/ConfirmButton';
import { ConflictEditor } from '../annotations/ConflictEditor';
import { Dialog } from '../annotations/Dialog';
import { ReasonForm } from '../console/ReasonForm';
import { ContentBody } from '../annotations/ContentBody';
import { useReturnFocus } from '../annotations/focus';
import { ReplyForm } from '../replies/ReplyForm';
import { ReplyTree } from '../replies/ReplyTree';
import { ReportButton } from '../annotations/ReportDialog';
import { useAnnotationViewer } from '../annotations/viewer';
import {
  DeleteThreadDocument,
  EditThreadDocument,
  MarkThreadReadDocument,
  SetThreadLockedDocument,
  SetThreadPinnedDocument,
  ThreadPageDocument,
  type ThreadPageQuery,
} from '../graphql/generated/graphql';
import { ErrorMessage } from '../ui/ErrorMessage';
import { Loading } from '../ui/States';
import { PageError } from './NotFound';
import { parseTags } from './tags';
import { threadConversation } from './thread-conversation';
import { useLiveThread } from './use-live-thread';
import { FollowButton } from '../notifications/FollowButton';
import { Breadcrumbs } from '../ui/Breadcrumbs';
import { BusyButton } from '../ui/BusyButton';

type ThreadData = ThreadPageQuery['thread'];

/** A thread: its text, its citation (a link into the reader), its replies (depth ≤ 3), and what one may do. */
export function ThreadPage() {
  const { threadId = '' } = useParams();
  const { data, loading, error, refetch } = useQuery(ThreadPageDocument, { variables: { id: threadId } });
  const [markRead] = useMutation(MarkThreadReadDocument);
  const found = !!data;
  useEffect(() => {
    if (found) void markRead({ variables: { input: { id: threadId } } }).catch(() => undefined);
  }, [found, threadId, markRead]);
  useScrollToHash(data?.thread.id);
  useLiveThread(threadId, refetch);

  if (loading && !data) return <Loading />;
  if (error && !data) return <PageError error={error} onRetry={() => void refetch()} />;
  if (!data) return null;
  return <Thread thread={data.thread} />;
}

function Thread({ thread }: { readonly thread: ThreadData }) {
  const intl = useIntl();
  const [mode, setMode] = useState<'read' | 'edit' | 'reply'>('read');
  const titleRef = useReturnFocus<HTMLHeadingElement>(mode === 'read');
  const { viewer, isAuthor } = useAnnotationViewer();
  const { id, locked, isDeleted, space } = thread;
  const canPost = space.viewerCanPost;
  const conversation = useMemo(
    () => threadConversation({ id, locked, isDeleted, space: { viewerCanPost: canPost } }),
    [id, locked, isDeleted, canPost],
  );
  const mine = isAuthor(thread.author);
  const live = !thread.isDeleted && thread.bodyHtml != null;
  const replies = thread.replies.edges.map(({ node }) => node);
  const section = thread.citation?.version?.sections.find((candidate) => candidate.key === thread.citation?.sectionKey);

  return (
    <article className="thread-page" aria-labelledby="thread-title">
      <Breadcrumbs
        items={[
          { label: intl.formatMessage({ id: 'spaces.list.title' }), to: '/spaces' },
          { label: thread.space.name, to: `/spaces/${thread.space.slug}` },
        ]}
      />
      <h1 id="thread-title" ref={titleRef} tabIndex={-1}>
        {thread.title != null ? (
          <bdi>{thread.title}</bdi>
        ) : (
          <FormattedMessage id={thread.isDeleted ? 'spaces.thread.deleted' : 'spaces.thread.hidden'} />
        )}
      </h1>
      <p className="meta">
        {thread.pinned && (
          <span className="badge pinned">
            <FormattedMessage id="spaces.thread.pinned" />
          </span>
        )}{' '}
        {thread.locked && (
          <span className="badge locked">
            <FormattedMessage id="spaces.thread.locked" />
          </span>
        )}{' '}
        {thread.author && (
          <>
            <strong>
              <bdi>{thread.author.displayName}</bdi>
            </strong>
            {thread.organization && (
              <>
                {' '}
                ·{' '}
                <FormattedMessage
                  id="annotations.card.onBehalf"
                  values={{ name: <bdi>{thread.organization.name}</bdi> }}
                />
              </>
            )}{' '}
            ·{' '}
          </>
        )}
        <bdi>
          <FormattedDate value={thread.createdAt} dateStyle="medium" timeStyle="short" />
        </bdi>
        {thread.editedAt && (
          <>
            {' '}
            · <FormattedMessage id="annotations.card.edited" />
          </>
        )}
      </p>
      {thread.tags && thread.tags.length > 0 && (
        <ul className="tags" aria-label={intl.formatMessage({ id: 'spaces.thread.tags' })}>
          {thread.tags.map((tag) => (
            <li key={tag}>
              <Link
                className="tag"
                to={`/spaces/${thread.space.slug}?tag=${encodeURIComponent(tag)}`}
                aria-label={intl.formatMessage({ id: 'spaces.filter.byTag' }, { tag })}
              >
                <bdi>{tag}</bdi>
              </Link>
            </li>
          ))}
        </ul>
      )}
      {thread.citation?.version && (
        <p className="citation">
          <FormattedMessage
            id="spaces.thread.citation"
            values={{
              article: (
                <Link
                  to={`/read/${thread.citation.documentId}/${thread.citation.version.number}#${thread.citation.sectionKey}`}
                >
                  <bdi>{section?.heading ?? thread.citation.sectionKey}</bdi>
                </Link>
              ),
              version: thread.citation.version.number,
            }}
          />
        </p>
      )}
      {mode === 'edit' ? (
        <ThreadEditor thread={thread} onClose={() => setMode('read')} />
      ) : (
        <ContentBody bodyHtml={thread.bodyHtml} isDeleted={thread.isDeleted} moderation={thread.moderation} />
      )}
      {thread.locked && (
        <p className="hint">
          <FormattedMessage id="spaces.thread.lockedExplanation" />
        </p>
      )}
      {mode !== 'edit' && (
        <div className="actions">
          {conversation.open && viewer && (
            <button type="button" onClick={() => setMode('reply')} aria-expanded={mode === 'reply'}>
              <FormattedMessage id="annotations.reply.action" />
            </button>
          )}
          {live && mine && (
            <button type="button" onClick={() => setMode('edit')}>
              <FormattedMessage id="annotations.edit.action" />
            </button>
          )}
          {live && mine && <DeleteThread thread={thread} />}
          {live && !mine && viewer && <ReportButton contentType="THREAD" contentId={thread.id} />}
          {!thread.isDeleted && <FollowButton subjectType="THREAD" subjectId={thread.id} />}
          {thread.space.viewerCanModerate && !thread.isDeleted && <ModeratorToggles thread={thread} />}
        </div>
      )}
      {mode === 'reply' && (
        <ReplyForm
          conversation={conversation}
          parentId={null}
          onDone={() => setMode('read')}
          onCancel={() => setMode('read')}
        />
      )}
      <section className="conversation" aria-labelledby="thread-replies">
        <h2 id="thread-replies">
          <FormattedMessage id="annotations.card.replies" values={{ count: thread.replies.totalCount }} />
        </h2>
        <ReplyTree conversation={conversation} replies={replies} />
        {thread.replies.totalCount > replies.length && (
          <p className="hint">
            <FormattedMessage
              id="annotations.card.repliesTruncated"
              values={{ shown: replies.length, total: thread.replies.totalCount }}
            />
          </p>
        )}
      </section>
    </article>
  );
}

function ThreadEditor({ thread, onClose }: { readonly thread: ThreadData; readonly onClose: () => void }) {
  const intl = useIntl();
  const client = useApolloClient();
  const [edit] = useMutation(EditThreadDocument);
  return (
    <ConflictEditor
      draftKey={`edit:thread:${thread.id}`}
      fields={[
        { name: 'title', label: intl.formatMessage({ id: 'spaces.form.title' }), required: true },
        {
          name: 'body',
          label: intl.formatMessage({ id: 'spaces.form.body' }),
          markdown: true,
          required: true,
          mentions: { threadId: thread.id },
        },
        { name: 'tags', label: intl.formatMessage({ id: 'spaces.form.tags' }) },
      ]}
      initial={{ title: thread.title ?? '', body: thread.bodyMarkdown ?? '', tags: (thread.tags ?? []).join(', ') }}
      version={thread.version}
      save={(values, version) =>
        edit({
          variables: {
            input: {
              id: thread.id,
              title: values['title'] ?? '',
              body: values['body'] ?? '',
              tags: parseTags(values['tags'] ?? ''),
              version,
            },
          },
        })
      }
      loadLatest={async () => {
        const { data } = await client.query({
          query: ThreadPageDocument,
          variables: { id: thread.id },
          fetchPolicy: 'network-only',
        });
        const latest = data?.thread;
        return {
          values: {
            title: latest?.title ?? '',
            body: latest?.bodyMarkdown ?? '',
            tags: (latest?.tags ?? []).join(', '),
          },
          version: latest?.version ?? thread.version,
        };
      }}
      onDone={onClose}
      onCancel={onClose}
    />
  );
}

function DeleteThread({ thread }: { readonly thread: ThreadData }) {
  const intl = useIntl();
  const navigate = useNavigate();
  const [remove] = useMutation(DeleteThreadDocument);
  return (
    <ConfirmButton
      label={<FormattedMessage id="annotations.delete.action" />}
      title={<FormattedMessage id="spaces.thread.deleteTitle" />}
      explanation={<FormattedMessage id="spaces.thread.deleteExplanation" />}
      onConfirm={async () => {
        await remove({ variables: { input: { id: thread.id } } });
        announce(intl.formatMessage({ id: 'spaces.thread.deletedAnnounce' }));
        // Without replies, nothing holds its place: back to the space.
        if (thread.replies.totalCount === 0) navigate(`/spaces/${thread.space.slug}`);
      }}
    />
  );
}

/**
 * Pin and lock: toggles (aria-pressed) for the space's moderators. Locking or unlocking is the moderation queue's
 * LOCK / UNLOCK, so it asks for its reason (for the moderation log) in a dialog, kept as a draft until it is done.
 */
function ModeratorToggles({ thread }: { readonly thread: ThreadData }) {
  const intl = useIntl();
  const [pin, pinning] = useMutation(SetThreadPinnedDocument);
  const [lock] = useMutation(SetThreadLockedDocument);
  const [askingReason, setAskingReason] = useState(false);
  const error = pinning.error;
  const locking = !thread.locked;
  return (
    <>
      <BusyButton
        type="button"
        aria-pressed={thread.pinned}
        busy={pinning.loading}
        onClick={async () => {
          await pin({ variables: { input: { id: thread.id, value: !thread.pinned } } }).catch(() => undefined);
          announce(intl.formatMessage({ id: thread.pinned ? 'spaces.thread.unpinned' : 'spaces.thread.pinnedNow' }));
        }}
      >
        <FormattedMessage id="spaces.thread.pin" />
      </BusyButton>
      <button type="button" aria-pressed={thread.locked} aria-haspopup="dialog" onClick={() => setAskingReason(true)}>
        <FormattedMessage id="spaces.thread.lock" />
      </button>
      {askingReason && (
        <Dialog
          title={<FormattedMessage id={locking ? 'spaces.thread.lockTitle' : 'spaces.thread.unlockTitle'} />}
          onClose={() => setAskingReason(false)}
        >
          <ReasonForm
            draftKey={`spaces:thread:${thread.id}:${locking ? 'LOCK' : 'UNLOCK'}`}
            submitLabel={intl.formatMessage({ id: locking ? 'spaces.thread.lock' : 'spaces.thread.unlock' })}
            onSubmit={async ({ reason }) => {
              await lock({ variables: { input: { id: thread.id, value: locking, reason } } });
              setAskingReason(false);
              announce(intl.formatMessage({ id: locking ? 'spaces.thread.lockedNow' : 'spaces.thread.unlocked' }));
            }}
            onCancel={() => setAskingReason(false)}
          />
        </Dialog>
      )}
      {error && <ErrorMessage error={error} />}
    </>
  );
}
