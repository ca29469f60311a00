import { useQuery } from '@apollo/client/react';
import { useEffect, useRef } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { ContributionHistoryDocument } from '../graphql/generated/graphql';
import { ErrorMessage } from '../ui/ErrorMessage';
import { Empty, Loading } from '../ui/States';
import type { Question } from './answers';

/** Who changed what and when: each save (with the questions it changed) and each submission, newest first. */
export function ContributionHistory({
  consultationId,
  organizationId,
  questions,
  version,
}: {
  readonly consultationId: string;
  readonly organizationId: string;
  readonly questions: readonly Question[];
  /** The contribution's version: the history is read again when it changes. */
  readonly version: number;
}) {
  const intl = useIntl();
  const { data, error, loading, refetch } = useQuery(ContributionHistoryDocument, {
    variables: { consultationId, organizationId },
    fetchPolicy: 'cache-and-network',
  });
  // A save (a new version) adds a line: read the history again.
  const seen = useRef(version);
  useEffect(() => {
    if (seen.current === version) return;
    seen.current = version;
    void refetch();
  }, [version, refetch]);
  const positions = new Map(questions.map((question) => [question.id, question.position]));
  const history = data?.contribution.history ?? [];
  return (
    <section className="contribution-history" aria-labelledby="history-title">
      <h2 id="history-title">
        <FormattedMessage id="consultations.history.title" />
      </h2>
      <button type="button" className="link" onClick={() => void refetch()}>
        <FormattedMessage id="consultations.history.refresh" />
      </button>
      {loading && !data && <Loading />}
      {error && <ErrorMessage error={error} onRetry={() => void refetch()} />}
      {data && history.length === 0 && (
        <Empty>
          <FormattedMessage id="consultations.history.empty" />
        </Empty>
      )}
      <ul className="history-list">
        {history.map((change, index) => {
          const who = change.by?.displayName ?? intl.formatMessage({ id: 'consultations.history.someone' });
          const at = (
            <time dateTime={change.at}>{intl.formatDate(change.at, { dateStyle: 'medium', timeStyle: 'short' })}</time>
          );
          if (change.kind === 'SUBMITTED')
            return (
              <li key={`s-${index}`}>
                <FormattedMessage
                  id="consultations.history.submitted"
                  values={{ who, at, tracking: change.trackingNumber ?? '' }}
                />
              </li>
            );
          const what = [
            ...change.questionIds.map((id) =>
              intl.formatMessage({ id: 'consultations.question.number' }, { number: positions.get(id) ?? '?' }),
            ),
            ...(change.consentChanged ? [intl.formatMessage({ id: 'consultations.history.consent' })] : []),
          ];
          return (
            <li key={`v-${change.version ?? index}`}>
              <FormattedMessage
                id={what.length ? 'consultations.history.saved' : 'consultations.history.savedNothing'}
                values={{ who, at, version: change.version ?? 0, what: intl.formatList(what) }}
              />
            </li>
          );
        })}
      </ul>
    </section>
  );
}
