import { useQuery } from '@apollo/client/react';
import { FormattedMessage, useIntl } from 'react-intl';
import { Link } from 'react-router';
import { ConsoleResultsDocument } from '../../graphql/generated/graphql';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { Loading } from '../../ui/States';
import { SynthesisForm } from './SynthesisForm';
import { ColumnHeads } from '../../ui/ColumnHeads';

/**
 * The results as moderators read them (live while open, exact kinds, confidential answers included): per question,
 * counts per option in a table, and the text answers with their consent.
 */
export function ConsoleResults({ consultationId }: { readonly consultationId: string }) {
  const intl = useIntl();
  const t = (id: string, values?: Record<string, string | number>) => intl.formatMessage({ id }, values);
  const { data, loading, error, refetch } = useQuery(ConsoleResultsDocument, {
    variables: { id: consultationId },
    fetchPolicy: 'cache-and-network',
  });
  const results = data?.consultation.results;
  return (
    <section aria-labelledby="console-results" className="console-results" data-testid="console-results">
      <h3 id="console-results">
        {t(data?.consultation.state === 'RESULTS_PUBLISHED' ? 'console.results.published' : 'console.results.live')}
      </h3>
      {data?.consultation.state === 'RESULTS_PUBLISHED' && (
        <p>
          <Link to={`/consultations/${consultationId}/results`}>{t('console.results.charts')}</Link>
        </p>
      )}
      {loading && !data && <Loading />}
      {error && <ErrorMessage error={error} onRetry={() => void refetch()} />}
      {results && (
        <>
          <p>
            {t('console.results.contributions', { count: results.contributions })}
            {results.byKind.length > 0 &&
              ` (${results.byKind.map((group) => `${t(`console.kindGroup.${group.kind}`)} : ${intl.formatNumber(group.count)}`).join(' · ')})`}
          </p>
          {results.questions.map((result, index) => (
            <section key={result.question.id} className="result" aria-labelledby={`result-${result.question.id}`}>
              <h4 id={`result-${result.question.id}`}>
                {index + 1}. <bdi>{result.question.prompt}</bdi>
              </h4>
              <p className="meta">{t('console.results.answered', { count: result.answered })}</p>
              {result.ministryResponse && (
                <p dir="auto">
                  <strong>{t('console.synthesis.responseLabel')}</strong> {result.ministryResponse}
                </p>
              )}
              {result.options.length > 0 && (
                <table className="console-table">
                  <caption className="visually-hidden">{result.question.prompt}</caption>
                  <ColumnHeads ids={['console.results.option', 'console.results.count']} />
                  <tbody>
                    {result.options.map((option) => (
                      <tr key={option.option}>
                        <th scope="row" dir="auto">
                          {option.option}
                        </th>
                        <td>{intl.formatNumber(option.count)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
              {result.texts.length > 0 && (
                <ul className="text-answers">
                  {result.texts.map((answer, i) => (
                    <li key={i}>
                      <blockquote dir="auto">{answer.text}</blockquote>
                      <p className="meta">
                        {answer.organization ? <bdi>{answer.organization}</bdi> : t('console.results.anonymous')} ·{' '}
                        {t(`console.consent.${answer.consent}`)}
                      </p>
                    </li>
                  ))}
                </ul>
              )}
            </section>
          ))}
          {results.synthesis && (
            <section aria-labelledby="console-synthesis-current">
              <h4 id="console-synthesis-current">{t('console.synthesis.current')}</h4>
              <p dir="auto" className="synthesis">
                {results.synthesis}
              </p>
            </section>
          )}
          <SynthesisForm
            key={results.synthesis ?? ''}
            consultationId={consultationId}
            synthesis={results.synthesis}
            questions={results.questions.map((result) => ({
              id: result.question.id,
              prompt: result.question.prompt,
              response: result.ministryResponse ?? null,
            }))}
          />
        </>
      )}
      {data && !results && (
        <p>
          <FormattedMessage id="console.results.unavailable" />
        </p>
      )}
    </section>
  );
}
