import { useQuery } from '@apollo/client/react';
import { useId } from 'react';
import { FormattedDate, FormattedMessage, useIntl } from 'react-intl';
import { ModerationLogDocument, type ContentType, type ModerationLogFilter } from '../../graphql/generated/graphql';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { Empty, Loading } from '../../ui/States';
import { useUrlFilters } from './url-filters';
import { ColumnHeads } from '../../ui/ColumnHeads';
import { BusyButton } from '../../ui/BusyButton';

const ACTIONS = ['HIDE', 'RESTORE', 'KEEP', 'LOCK', 'UNLOCK', 'SUSPEND', 'REINSTATE', 'AUTO_HIDE'] as const;
const CONTENT_TYPES: readonly ContentType[] = ['ANNOTATION', 'COMMENT', 'THREAD'];

/**
 * The append-only moderation log, newest first, filtered by action and content type, narrowed to one piece of
 * content or one person (chosen from a row, or linked from the queue); every filter is kept in the URL
 * (`?action=…&type=…&content=…&moderator=…&about=…`).
 */
export function ModerationLog() {
  const filterId = useId();
  const intl = useIntl();
  const t = (id: string, values?: Record<string, string | number>) => intl.formatMessage({ id }, values);
  const [filters, setFilters] = useUrlFilters(['action', 'type', 'content', 'moderator', 'about'], {
    action: ACTIONS,
    type: CONTENT_TYPES,
  });
  const { action, type: contentType, content: contentId } = filters;
  /** A person the log is narrowed to, as the moderator or as the one acted on (chosen from a row). */
  const person = filters.moderator
    ? { id: filters.moderator, as: 'moderator' as const }
    : filters.about
      ? { id: filters.about, as: 'target' as const }
      : null;
  const filter: ModerationLogFilter = {
    ...(action ? { action } : {}),
    ...(contentType ? { contentType: contentType as ContentType } : {}),
    ...(contentId ? { contentId } : {}),
    ...(person?.as === 'moderator' ? { moderatorId: person.id } : {}),
    ...(person?.as === 'target' ? { targetUserId: person.id } : {}),
  };
  const setPerson = (chosen: { id: string; as: 'moderator' | 'target' } | null) =>
    setFilters({
      moderator: chosen?.as === 'moderator' ? chosen.id : '',
      about: chosen?.as === 'target' ? chosen.id : '',
    });
  const { data, loading, error, refetch, fetchMore } = useQuery(ModerationLogDocument, {
    variables: { filter },
    fetchPolicy: 'cache-and-network',
    notifyOnNetworkStatusChange: true,
  });
  const entries = data?.moderationLog.edges.map((edge) => edge.node) ?? [];
  const personName =
    person &&
    entries
      .map((entry) => (person.as === 'moderator' ? entry.moderator : entry.targetUser))
      .find((user) => user?.id === person.id)?.displayName;
  return (
    <section aria-labelledby="console-log-title">
      <h2 id="console-log-title">{t('console.log.title')}</h2>
      <form className="filters" onSubmit={(event) => event.preventDefault()} aria-label={t('console.filters')}>
        <span className="filter">
          <label htmlFor={`${filterId}-1`}>{t('console.log.action')}</label>
          <select id={`${filterId}-1`} value={action} onChange={(event) => setFilters({ action: event.target.value })}>
            <option value="">{t('console.all')}</option>
            {ACTIONS.map((candidate) => (
              <option key={candidate} value={candidate}>
                {t(`console.action.${candidate}`)}
              </option>
            ))}
          </select>
        </span>
        <span className="filter">
          <label htmlFor={`${filterId}-2`}>{t('console.log.contentType')}</label>
          <select
            id={`${filterId}-2`}
            value={contentType}
            onChange={(event) => setFilters({ type: event.target.value, content: '' })}
          >
            <option value="">{t('console.all')}</option>
            {CONTENT_TYPES.map((candidate) => (
              <option key={candidate} value={candidate}>
                {t(`console.contentType.${candidate}`)}
              </option>
            ))}
          </select>
        </span>
        {contentId && (
          <p className="active-filter">
            {t('console.log.aboutContent', {
              type: contentType ? t(`console.contentType.${contentType}`) : t('console.log.content'),
            })}{' '}
            <button type="button" onClick={() => setFilters({ content: '' })}>
              {t('console.log.clearContent')}
            </button>
          </p>
        )}
        {person && (
          <p className="active-filter">
            {t(person.as === 'moderator' ? 'console.log.byModerator' : 'console.log.aboutPerson', {
              name: personName ?? t('console.log.somePerson'),
            })}{' '}
            <button type="button" onClick={() => setPerson(null)}>
              {t('console.log.clearPerson')}
            </button>
          </p>
        )}
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
          <ColumnHeads
            ids={[
              'console.log.when',
              'console.log.action',
              'console.log.target',
              'console.log.moderator',
              'console.log.reason',
            ]}
          />
          <tbody>
            {entries.map((entry) => (
              <tr key={entry.id}>
                <td>
                  <FormattedDate value={entry.createdAt} dateStyle="short" timeStyle="short" />
                </td>
                <td>{t(`console.action.${entry.action}`)}</td>
                <td>
                  {entry.targetUser ? (
                    <button
                      type="button"
                      className="link"
                      aria-label={t('console.log.filterAbout', { name: entry.targetUser.displayName })}
                      onClick={() => entry.targetUser && setPerson({ id: entry.targetUser.id, as: 'target' })}
                    >
                      <bdi>{entry.targetUser.displayName}</bdi>
                    </button>
                  ) : entry.contentType && entry.contentId ? (
                    <button
                      type="button"
                      className="link"
                      aria-label={t('console.log.filterContent', {
                        type: t(`console.contentType.${entry.contentType}`),
                      })}
                      aria-pressed={entry.contentId === contentId}
                      onClick={() =>
                        entry.contentType &&
                        entry.contentId &&
                        setFilters({ type: entry.contentType, content: entry.contentId })
                      }
                    >
                      {t(`console.contentType.${entry.contentType}`)}
                    </button>
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
                <td>
                  {entry.moderator ? (
                    <button
                      type="button"
                      className="link"
                      aria-label={t('console.log.filterBy', { name: entry.moderator.displayName })}
                      onClick={() => entry.moderator && setPerson({ id: entry.moderator.id, as: 'moderator' })}
                    >
                      <bdi>{entry.moderator.displayName}</bdi>
                    </button>
                  ) : (
                    t('console.log.automatic')
                  )}
                </td>
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
        <BusyButton
          type="button"
          busy={loading}
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
        </BusyButton>
      )}
    </section>
  );
}
