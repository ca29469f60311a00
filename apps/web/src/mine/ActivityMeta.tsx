import { FormattedMessage, useIntl } from 'react-intl';

/**
 * The end of a "mine" entry's meta line, the same for one's annotations and one's threads: the reply count, the
 * date, and whether moderation has hidden it (from others; its author still sees it here).
 */
export function ActivityMeta({ replyCount, at, hidden }: { replyCount: number; at: unknown; hidden: boolean }) {
  const intl = useIntl();
  return (
    <>
      <FormattedMessage id="mine.replies" values={{ count: replyCount }} /> ·{' '}
      <time dateTime={String(at)}>{intl.formatDate(at as string, { dateStyle: 'medium' })}</time>
      {hidden && (
        <>
          {' · '}
          <strong>
            <FormattedMessage id="mine.hidden" />
          </strong>
        </>
      )}
    </>
  );
}
