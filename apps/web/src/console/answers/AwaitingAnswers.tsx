import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { FormattedDate, FormattedMessage, useIntl } from 'react-intl';
import { Link } from 'react-router';
import { ContentBody } from '../../annotations/ContentBody';
import { MinistryAnswer } from '../../annotations/MinistryAnswer';
import { AwaitingAnswersDocument, type AwaitingAnswersQuery } from '../../graphql/generated/graphql';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { Empty, Loading } from '../../ui/States';
import { useCitableDocuments } from '../consultations/use-documents';
import { BusyButton } from '../../ui/BusyButton';

type Version = NonNullable<AwaitingAnswersQuery['document']['latestVersion']>;
type Item = Version['annotations']['edges'][number]['node'];

/** The annotations still awaiting the ministry's answer, article by article, answered in place. */
export function AwaitingAnswers() {
  const intl = useIntl();
  const t = (id: string, values?: Record<string, string | number>) => intl.formatMessage({ id }, values);
  const { documents, loading } = useCitableDocuments();
  const [chosen, setChosen] = useState('');
  const documentId = chosen || documents[0]?.id || '';
  return (
    <section aria-labelledby="console-answers-title">
      <h2 id="console-answers-title">{t('console.answers.title')}</h2>
      {loading && <Loading />}
      {documents.length > 1 && (
        <div className="field">
          <label htmlFor="answers-document">{t('console.answers.document')}</label>
          <select id="answers-document" value={documentId} onChange={(event) => setChosen(event.target.value)}>
            {documents.map((document) => (
              <option key={document.id} value={document.id}>
                {document.reference} — {document.title}
              </option>
            ))}
          </select>
        </div>
      )}
      {documentId && <Awaiting documentId={documentId} />}
    </section>
  );
}

function Awaiting({ documentId }: { readonly documentId: string }) {
  const intl = useIntl();
  const t = (id: string, values?: Record<string, string | number>) => intl.formatMessage({ id }, values);
  const { data, loading, error, refetch, fetchMore } = useQuery(AwaitingAnswersDocument, {
    variables: { documentId },
    fetchPolicy: 'cache-and-network',
    notifyOnNetworkStatusChange: true,
  });
  if (loading && !data) return <Loading />;
  if (error || !data) return <ErrorMessage error={error} onRetry={() => void refetch()} />;
  const version = data.document.latestVersion;
  if (!version) return null;
  const items = version.annotations.edges.map((edge) => edge.node);
  const groups = new Map<string, Item[]>();
  for (const item of items) {
    const key = item.anchor?.target?.sectionKey ?? '';
    groups.set(key, [...(groups.get(key) ?? []), item]);
  }
  const ordered = [
    ...version.sections.filter((section) => groups.has(section.key)).map((section) => ({ section, key: section.key })),
    ...(groups.has('') ? [{ section: null, key: '' }] : []),
  ];
  const more = version.annotations.pageInfo;
  return (
    <>
      <p role="status">{t('console.answers.count', { count: items.length, more: more.hasNextPage ? 'yes' : 'no' })}</p>
      {items.length === 0 && (
        <Empty>
          <FormattedMessage id="console.answers.empty" />
        </Empty>
      )}
      {ordered.map(({ section, key }) => {
        const group = groups.get(key) ?? [];
        return (
          <section key={key || 'none'} className="answers-article" aria-labelledby={`article-${key || 'none'}`}>
            <h3 id={`article-${key || 'none'}`}>
              {section
                ? t('console.builder.article', { number: section.number, title: section.title })
                : t('console.answers.noArticle')}{' '}
              <span className="meta">({intl.formatNumber(group.length)})</span>
            </h3>
            <ul className="awaiting">
              {group.map((item) => (
                <li key={item.id} className="awaiting-item" data-testid="awaiting-item">
                  {item.anchor?.target?.exact && (
                    <blockquote className="quote" dir="auto">
                      {item.anchor.target.exact}
                    </blockquote>
                  )}
                  <ContentBody bodyHtml={item.bodyHtml} isDeleted={item.isDeleted} />
                  <p className="meta">
                    {intl.formatMessage({ id: `console.motivation.${item.motivation}` })} ·{' '}
                    {item.author && <bdi>{item.author.displayName}</bdi>}
                    {item.organization && (
                      <>
                        {' '}
                        (<bdi>{item.organization.name}</bdi>)
                      </>
                    )}{' '}
                    ·{' '}
                    <bdi>
                      <FormattedDate value={item.createdAt} dateStyle="medium" />
                    </bdi>{' '}
                    ·{' '}
                    <Link to={`/read/${documentId}/${version.number}${key ? `#${key}` : ''}`}>
                      {t('console.answers.inReader')}
                    </Link>
                  </p>
                  <MinistryAnswer annotationId={item.id} answer={item.answer} status={item.status} canAnswer />
                </li>
              ))}
            </ul>
          </section>
        );
      })}
      {more.hasNextPage && (
        <BusyButton
          type="button"
          busy={loading}
          onClick={() =>
            void fetchMore({
              variables: { after: more.endCursor },
              updateQuery: (previous, { fetchMoreResult }) => {
                const before = previous.document?.latestVersion;
                const next = fetchMoreResult.document.latestVersion;
                if (!before || !next) return fetchMoreResult;
                return {
                  document: {
                    ...fetchMoreResult.document,
                    latestVersion: {
                      ...next,
                      annotations: {
                        ...next.annotations,
                        edges: [...before.annotations.edges, ...next.annotations.edges],
                      },
                    },
                  },
                };
              },
            })
          }
        >
          {t('console.more')}
        </BusyButton>
      )}
    </>
  );
}
