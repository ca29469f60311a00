import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { FormattedDate, FormattedMessage, useIntl } from 'react-intl';
import { ModerationLogDocument, type ContentType, type ModerationLogFilter } from '../../graphql/generated/graphql';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { Empty, Loading } from '../../ui/States';

const ACTIONS = ['HIDE', 'RESTORE', 'KEEP', 'LOCK', 'UNLOCK', 'SUSPEND', 'REINSTATE', 'AUTO_HIDE'] as const;
const CONTENT_TYPES: readonly ContentType[] = ['ANNOTATION', 'COMMENT', 'THREAD'];

/** The append-only moderation log, newest first, filtered by action and content type. */
export function ModerationLog() {
  const intl = useIntl();
  const t = (id: string, values?: Record<string, string | number>) => intl.formatMessage({ id }, values);
  const [action, setAction] = useState('');
  const [contentType, setContentType] = useState<ContentType | ''>('');
  const filter: ModerationLogFilter = { ...(action ? { action } : {}), ...(contentType ? { contentType } : {}) };
  const { data, loading, error, refetch, fetchMore } = useQuery(ModerationLogDocument, {
    variables: { filter },
    fetchPolicy: 'cache-and-network',
    notifyOnNetworkStatusChange: true,
  });
  const entries = data?.moderationLog.edges.map((edge) => edge.node) ?? [];
  return (
    <section aria-labelledby="console-log-title">
      <h2 id="console-log-title">{t('console.log.title')}</h2>
      <form className="filters" onSubmit={(event) => event.preventDefault()} aria-label={t('console.filters')}>
        <label>
          {t('console.log.action')}
          <select value={action} onChange={(event) => setAction(event.target.value)}>
            <option value="">{t('console.all')}</option>
            {ACTIONS.map((candidate) => (
              <option key={candidate} value={candidate}>
                {t(`console.action.${candidate}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('console.log.contentType')}
          <select value={contentType} onChange={(event) => setContentType(event.target.value as ContentType | '')}>
            <option value="">{t('console.all')}</option>
            {CONTENT_TYPES.map((candidate) => (
              <option key={candidate} value={candidate}>
                {t(`console.contentType.${candidate}`)}
              </option>
            ))}
          </select>
        </label>
      </form>
      {loading && !data && <Loading />}
      {error && <ErrorMessage error={error} onRetry={() => void refetch()} />}
      {data && <p role="status">{t('console.log.count', { count: data.moderationLog.totalCount })}</p>}
      {data && entries.length === 0 && (
        <Empty>
          <FormattedMessage id="console.log.empty" />
        </Empty>
      )}
      {entries.length > 0 && (
        <table className="console-table" data-testid="moderation-log">
          <thead>
            <tr>
              <th scope="col">{t('console.log.when')}</th>
              <th scope="col">{t('console.log.action')}</th>
              <th scope="col">{t('console.log.target')}</th>
              <th scope="col">{t('console.log.moderator')}</th>
              <th scope="col">{t('console.log.reason')}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <tr key={entry.id}>
                <td>
                  <FormattedDate value={entry.createdAt} dateStyle="short" timeStyle="short" />
                </td>
                <td>{t(`console.action.${entry.action}`)}</td>
                <td>
                  {entry.targetUser ? (
                    <bdi>{entry.targetUser.displayName}</bdi>
                  ) : entry.contentType ? (
                    t(`console.contentType.${entry.contentType}`)
                  ) : null}
                  {entry.suspendedUntil && (
                    <>
                      {' '}
                      ({t('console.log.until')} <FormattedDate value={entry.suspendedUntil} dateStyle="medium" />)
                    </>
                  )}
                </td>
                <td>{entry.moderator ? <bdi>{entry.moderator.displayName}</bdi> : t('console.log.automatic')}</td>
                <td dir="auto">
                  {entry.reason}
                  {entry.internalNote && (
                    <p className="meta">
                      {t('console.log.note')} <span dir="auto">{entry.internalNote}</span>
                    </p>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {data?.moderationLog.pageInfo.hasNextPage && (
        <button
          type="button"
          disabled={loading}
          onClick={() =>
            void fetchMore({
              variables: { after: data.moderationLog.pageInfo.endCursor },
              updateQuery: (previous, { fetchMoreResult }) => ({
                moderationLog: {
                  ...fetchMoreResult.moderationLog,
                  edges: [...(previous.moderationLog?.edges ?? []), ...fetchMoreResult.moderationLog.edges],
                },
              }),
            })
          }
        >
          {t('console.more')}
        </button>
      )}
    </section>
  );
}
