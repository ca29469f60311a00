import { useQuery } from '@apollo/client/react';
import { useCallback, useId, useState } from 'react';
import { FormattedDate, FormattedMessage, useIntl } from 'react-intl';
import { Link } from 'react-router';
import { Dialog } from '../../annotations/Dialog';
import { useSession } from '../../app/session';
import { type LiveEvent, type LiveSubject, useLiveEvents } from '../../app/use-live-events';
import {
  ModerationFilterChoicesDocument,
  ModerationQueueDocument,
  type ModerationQueueFilter,
  type QueueItemFieldsFragment,
  type ReportReason,
} from '../../graphql/generated/graphql';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { Empty, Loading } from '../../ui/States';
import { actionsFor, ModerationActionForm, type ModerationActionKind } from './ModerationActionForm';
import { locatorHref } from './locator';
import { logOfContent, useUrlFilters } from './url-filters';
import { BusyButton } from '../../ui/BusyButton';

const REASONS: readonly ReportReason[] = [
  'ABUSIVE',
  'SPAM',
  'MISLEADING',
  'OFF_TOPIC',
  'CONFIDENTIAL_INFORMATION',
  'OTHER',
];

/** The moderation queue's live events (the API refuses them to anyone who moderates nothing). */
const QUEUE: LiveSubject = { moderationQueue: true };

/**
 * Open reports grouped by content, oldest first, each with its excerpt, reasons, a link in place and actions.
 * Filtered by reason, visibility, document and space, all kept in the URL (`?reason=…&hidden=yes&document=…&space=…`).
 * The queue follows reports and decisions live (`liveEvents(moderationQueue: true)`): it reads itself again and
 * announces politely what others changed.
 */
export function ModerationQueue() {
  const filterId = useId();
  const intl = useIntl();
  const t = (id: string, values?: Record<string, string | number>) => intl.formatMessage({ id }, values);
  const [{ reason, hidden, document: documentId, space: spaceId }, setFilters] = useUrlFilters(
    ['reason', 'hidden', 'document', 'space'],
    { reason: REASONS, hidden: ['yes', 'no'] },
  );
  const choices = useQuery(ModerationFilterChoicesDocument);
  const documents = choices.data?.documents.edges.map((edge) => edge.node) ?? [];
  const spaces = choices.data?.spaces.edges.map((edge) => edge.node) ?? [];
  const filter: ModerationQueueFilter = {
    ...(reason ? { reason: reason as ReportReason } : {}),
    ...(hidden ? { hidden: hidden === 'yes' } : {}),
    ...(documentId ? { documentId } : {}),
    ...(spaceId ? { spaceId } : {}),
  };
  const { data, loading, error, refetch, fetchMore } = useQuery(ModerationQueueDocument, {
    variables: { filter },
    fetchPolicy: 'cache-and-network',
    notifyOnNetworkStatusChange: true,
  });
  const { viewer } = useSession();
  const [liveNote, setLiveNote] = useState('');
  const onLiveEvents = useCallback(
    (events: readonly LiveEvent[]) => {
      void refetch();
      const byOthers = events.filter((event) => event.actorId !== viewer?.id).length;
      if (events.length === 0) setLiveNote(intl.formatMessage({ id: 'console.moderation.liveReloaded' }));
      else if (byOthers > 0)
        setLiveNote(intl.formatMessage({ id: 'console.moderation.liveChanged' }, { count: byOthers }));
    },
    [refetch, viewer?.id, intl],
  );
  useLiveEvents(QUEUE, onLiveEvents);
  const [acting, setActing] = useState<{ contentId: string; action: ModerationActionKind } | null>(null);
  const items = data?.moderationQueue.edges.map((edge) => edge.node) ?? [];
  const actingItem = acting && items.find((item) => item.contentId === acting.contentId);

  return (
    <section aria-labelledby="console-queue-title">
      <h2 id="console-queue-title">{t('console.moderation.title')}</h2>
      <form className="filters" onSubmit={(event) => event.preventDefault()} aria-label={t('console.filters')}>
        <span className="filter">
          <label htmlFor={`${filterId}-1`}>{t('console.moderation.reason')}</label>
          <select id={`${filterId}-1`} value={reason} onChange={(event) => setFilters({ reason: event.target.value })}>
            <option value="">{t('console.all')}</option>
            {REASONS.map((candidate) => (
              <option key={candidate} value={candidate}>
                {t(`console.reportReason.${candidate}`)}
              </option>
            ))}
          </select>
        </span>
        <span className="filter">
          <label htmlFor={`${filterId}-2`}>{t('console.moderation.visibility')}</label>
          <select id={`${filterId}-2`} value={hidden} onChange={(event) => setFilters({ hidden: event.target.value })}>
            <option value="">{t('console.all')}</option>
            <option value="yes">{t('console.moderation.hiddenOnly')}</option>
            <option value="no">{t('console.moderation.visibleOnly')}</option>
          </select>
        </span>
        <span className="filter">
          <label htmlFor={`${filterId}-3`}>{t('console.moderation.document')}</label>
          <select
            id={`${filterId}-3`}
            value={documentId}
            onChange={(event) => setFilters({ document: event.target.value })}
          >
            <option value="">{t('console.all')}</option>
            {documentId && !documents.some((candidate) => candidate.id === documentId) && (
              <option value={documentId}>{t('console.moderation.chosen')}</option>
            )}
            {documents.map((candidate) => (
              <option key={candidate.id} value={candidate.id}>
                {candidate.reference} — {candidate.title}
              </option>
            ))}
          </select>
        </span>
        <span className="filter">
          <label htmlFor={`${filterId}-4`}>{t('console.moderation.space')}</label>
          <select id={`${filterId}-4`} value={spaceId} onChange={(event) => setFilters({ space: event.target.value })}>
            <option value="">{t('console.all')}</option>
            {spaceId && !spaces.some((candidate) => candidate.id === spaceId) && (
              <option value={spaceId}>{t('console.moderation.chosen')}</option>
            )}
            {spaces.map((candidate) => (
              <option key={candidate.id} value={candidate.id}>
                {candidate.name}
              </option>
            ))}
          </select>
        </span>
        {(reason || hidden || documentId || spaceId) && (
          <button type="button" onClick={() => setFilters({ reason: '', hidden: '', document: '', space: '' })}>
            {t('console.clearFilters')}
          </button>
        )}
      </form>
      {loading && !data && <Loading />}
      {error && <ErrorMessage error={error} onRetry={() => void refetch()} />}
      {data && <p role="status">{t('console.moderation.count', { count: data.moderationQueue.totalCount })}</p>}
      <p className="visually-hidden" aria-live="polite">
        {liveNote}
      </p>
      {data && items.length === 0 && (
        <Empty>
          <FormattedMessage id="console.moderation.empty" />
        </Empty>
      )}
      <ul className="queue">
        {items.map((item) => (
          <QueueCard
            key={`${item.contentType}:${item.contentId}`}
            item={item}
            onAct={(action) => setActing({ contentId: item.contentId, action })}
          />
        ))}
      </ul>
      {data?.moderationQueue.pageInfo.hasNextPage && (
        <BusyButton
          type="button"
          busy={loading}
          onClick={() =>
            void fetchMore({
              variables: { after: data.moderationQueue.pageInfo.endCursor },
              updateQuery: (previous, { fetchMoreResult }) => ({
                moderationQueue: {
                  ...fetchMoreResult.moderationQueue,
                  edges: [...(previous.moderationQueue?.edges ?? []), ...fetchMoreResult.moderationQueue.edges],
                },
              }),
            })
          }
        >
          {t('console.more')}
        </BusyButton>
      )}
      {acting && (
        <Dialog
          title={t('console.moderation.dialogTitle', { action: t(`console.action.${acting.action}`) })}
          onClose={() => setActing(null)}
        >
          {actingItem ? (
            <>
              <blockquote className="quote" dir="auto">
                {actingItem.excerpt}
              </blockquote>
              <ModerationActionForm
                item={actingItem}
                action={acting.action}
                onCancel={() => setActing(null)}
                onConflict={() => refetch()}
                onDone={() => {
                  setActing(null);
                  void refetch();
                }}
              />
            </>
          ) : (
            <>
              <p role="alert">{t('console.moderation.gone')}</p>
              <button type="button" onClick={() => setActing(null)}>
                {t('common.close')}
              </button>
            </>
          )}
        </Dialog>
      )}
    </section>
  );
}

function QueueCard({
  item,
  onAct,
}: {
  readonly item: QueueItemFieldsFragment;
  readonly onAct: (action: ModerationActionKind) => void;
}) {
  const intl = useIntl();
  const t = (id: string, values?: Record<string, string | number>) => intl.formatMessage({ id }, values);
  const href = locatorHref(item.locator);
  const headingId = `queue-${item.contentId}`;
  return (
    <li className="queue-item" aria-labelledby={headingId} data-testid="queue-item">
      <h3 id={headingId}>
        {t(`console.contentType.${item.contentType}`)} — {t('console.moderation.reports', { count: item.openReports })}
        {item.hidden && <span className="hidden-badge"> · {t('console.moderation.hidden')}</span>}
      </h3>
      <blockquote className="quote" dir="auto">
        {item.excerpt}
      </blockquote>
      <p className="meta">
        {item.author && (
          <>
            {t('console.moderation.by')} <bdi>{item.author.displayName}</bdi>
            {item.author.status === 'SUSPENDED' && ` (${t('console.moderation.suspended')})`} ·{' '}
          </>
        )}
        {t('console.moderation.since')}{' '}
        <bdi>
          <FormattedDate value={item.oldestReportAt} dateStyle="medium" timeStyle="short" />
        </bdi>
      </p>
      <ul className="reasons">
        {item.reasons.map((reason) => (
          <li key={reason.reason}>
            {t(`console.reportReason.${reason.reason}`)} × {intl.formatNumber(reason.count)}
          </li>
        ))}
      </ul>
      {item.explanations.length > 0 && (
        <details>
          <summary>{t('console.moderation.explanations', { count: item.explanations.length })}</summary>
          <ul>
            {item.explanations.map((explanation, index) => (
              <li key={index} dir="auto">
                {explanation}
              </li>
            ))}
          </ul>
        </details>
      )}
      <p>
        {href && (
          <>
            <Link to={href}>{t('console.moderation.open')}</Link>
            {' · '}
          </>
        )}
        <Link to={logOfContent(item.contentType, item.contentId)}>{t('console.moderation.history')}</Link>
      </p>
      <div className="actions" role="group" aria-label={t('console.moderation.actions')}>
        {actionsFor(item).map((action) => (
          <button key={action} type="button" onClick={() => onAct(action)}>
            {t(`console.action.${action}`)}
          </button>
        ))}
      </div>
    </li>
  );
}
