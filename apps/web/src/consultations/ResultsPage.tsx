import { useQuery } from '@apollo/client/react';
import { useEffect, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { Link, useParams } from 'react-router';
import { type ConsultationResultsQuery, ConsultationResultsDocument } from '../graphql/generated/graphql';
import { ErrorMessage } from '../ui/ErrorMessage';
import { Empty, Loading } from '../ui/States';
import { citationHref } from './QuestionField';
import { ResultChart } from './ResultChart';
import './consultations.css';

type QuestionResult = NonNullable<ConsultationResultsQuery['consultation']['results']>['questions'][number];

/** Published results: per question a chart with its table, or the text answers under their consent; the ministry's synthesis and responses. */
export function ResultsPage() {
  const { consultationId = '' } = useParams();
  const intl = useIntl();
  const { data, loading, error, refetch } = useQuery(ConsultationResultsDocument, {
    variables: { id: consultationId },
  });
  if (loading && !data) return <Loading />;
  if (error || !data)
    return (
      <div className="page">
        <ErrorMessage error={error} onRetry={() => void refetch()} />
      </div>
    );
  const { consultation } = data;
  const results = consultation.results;
  return (
    <div className="page results">
      <p>
        <Link to={`/consultations/${consultation.id}`}>
          <FormattedMessage id="consultations.receipt.back" />
        </Link>
      </p>
      <h1>
        <FormattedMessage id="consultations.results.title" values={{ title: consultation.title }} />
      </h1>
      {!results ? (
        <Empty>
          <FormattedMessage id="consultations.results.notYet" />
        </Empty>
      ) : (
        <>
          <p>
            <FormattedMessage id="consultations.results.contributions" values={{ count: results.contributions }} />{' '}
            {results.byKind.length > 0 &&
              `(${intl.formatList(
                results.byKind.map(
                  (group) =>
                    `${intl.formatMessage({ id: `consultations.kind.${group.kind}` })} : ${intl.formatNumber(group.count)}`,
                ),
              )})`}
          </p>
          <section aria-labelledby="synthesis-title">
            <h2 id="synthesis-title">
              <FormattedMessage id="consultations.results.synthesis" />
            </h2>
            {results.synthesis ? (
              <Markdown source={results.synthesis} />
            ) : (
              <p>
                <FormattedMessage id="consultations.results.noSynthesis" />
              </p>
            )}
          </section>
          {[...results.questions]
            .sort((a, b) => a.question.position - b.question.position)
            .map((result) => (
              <QuestionResultView key={result.question.id} result={result} />
            ))}
        </>
      )}
    </div>
  );
}

function QuestionResultView({ result }: { result: QuestionResult }) {
  const { question } = result;
  const title = (
    <>
      <FormattedMessage id="consultations.question.number" values={{ number: question.position }} /> —{' '}
      <bdi>{question.prompt}</bdi>
    </>
  );
  const href = citationHref(question);
  return (
    <section className="result-question" aria-labelledby={`result-${question.id}`}>
      <h2 id={`result-${question.id}`}>{title}</h2>
      {href && (
        <p>
          <Link to={href}>
            <FormattedMessage id="consultations.question.citation" values={{ article: question.sectionKey }} />
          </Link>
        </p>
      )}
      <p>
        <FormattedMessage id="consultations.results.answered" values={{ count: result.answered }} />
      </p>
      {question.kind === 'TEXT' ? (
        <TextAnswers result={result} />
      ) : result.options.length > 0 ? (
        <ResultChart options={result.options} title={title} />
      ) : null}
      {result.ministryResponse && (
        <div className="ministry-response">
          <h3>
            <FormattedMessage id="consultations.results.ministryResponse" />
          </h3>
          <Markdown source={result.ministryResponse} />
        </div>
      )}
    </section>
  );
}

/** Text answers under their consent: named, anonymous, and those left out (confidential) counted. */
export function TextAnswers({ result }: { result: Pick<QuestionResult, 'answered' | 'texts'> }) {
  const intl = useIntl();
  const leftOut = Math.max(0, result.answered - result.texts.length);
  return (
    <>
      {result.texts.length === 0 ? (
        <p>
          <FormattedMessage id="consultations.results.noTexts" />
        </p>
      ) : (
        <ul className="text-answers">
          {result.texts.map((answer, index) => (
            <li key={index}>
              <p className="meta">
                {answer.consent === 'PUBLIC_NAMED' && answer.organization
                  ? answer.organization
                  : intl.formatMessage({ id: `consultations.results.consent.${answer.consent}` })}
              </p>
              <p dir="auto">{answer.text}</p>
            </li>
          ))}
        </ul>
      )}
      {leftOut > 0 && (
        <p className="hint">
          <FormattedMessage id="consultations.results.leftOut" values={{ count: leftOut }} />
        </p>
      )}
    </>
  );
}

function Markdown({ source }: { source: string }) {
  const [html, setHtml] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    void import('../annotations/markdown-render').then(({ renderMarkdown }) => {
      if (current) setHtml(renderMarkdown(source));
    });
    return () => {
      current = false;
    };
  }, [source]);
  return html === null ? (
    <p dir="auto">{source}</p>
  ) : (
    <div className="body" dir="auto" dangerouslySetInnerHTML={{ __html: html }} />
  );
}
