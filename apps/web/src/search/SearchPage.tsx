import { useQuery } from '@apollo/client/react';
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { FormattedDate, FormattedMessage, useIntl } from 'react-intl';
import { Link, useSearchParams } from 'react-router';
import { SearchDocument, type SearchHitType } from '../graphql/generated/graphql';
import { announce } from '../annotations/announce';
import { ErrorMessage } from '../ui/ErrorMessage';
import { Empty, Loading } from '../ui/States';
import { hitLink } from './links';
import { Snippet } from './Snippet';
import './search.css';
import { BusyButton } from '../ui/BusyButton';

const PAGE_SIZE = 20;

/**
 * Results of a search (`/search?q=…`, optionally `&type=…&document=…&article=…`): facets per type and per article
 * (counts of what one may read), each hit with its type, title, highlighted snippet and a link to its exact place.
 */
export function SearchPage() {
  const intl = useIntl();
  const [params, setParams] = useSearchParams();
  const query = params.get('q')?.trim() ?? '';
  const type = params.get('type') as SearchHitType | null;
  const documentId = params.get('document');
  const articleKey = params.get('article');
  const [text, setText] = useState(query);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => setText(query), [query]);

  const filter = {
    ...(type ? { types: [type] } : {}),
    ...(documentId && articleKey ? { documentId, articleKey } : {}),
  };
  const { data, loading, error, refetch, fetchMore } = useQuery(SearchDocument, {
    variables: { query, filter, first: PAGE_SIZE },
    skip: !/[\p{L}\p{N}]/u.test(query),
    notifyOnNetworkStatusChange: true,
  });
  const results = data?.search;

  useEffect(() => {
    if (results && !loading) {
      announce(
        intl.formatMessage(
          { id: results.totalCountIsLowerBound ? 'search.results.countAtLeast' : 'search.results.count' },
          { count: results.totalCount, query },
        ),
      );
    }
  }, [results, loading, intl, query]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (/[\p{L}\p{N}]/u.test(text)) setParams({ q: text.trim() });
  };
  const withParams = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value === null) next.delete(key);
      else next.set(key, value);
    }
    return `/search?${next}`;
  };
  const all = results?.facets.types.reduce((sum, facet) => sum + facet.count, 0) ?? 0;
  const allAtLeast = results?.facets.types.some((facet) => facet.isLowerBound) ?? false;
  /** A count, as "N+" when it is "at least" (a frequent term: the API ranks and counts its newest matches). */
  const count = (value: number, atLeast: boolean) =>
    atLeast ? intl.formatMessage({ id: 'search.count.atLeast' }, { count: value }) : intl.formatNumber(value);
  const resultsCount = results
    ? intl.formatMessage(
        { id: results.totalCountIsLowerBound ? 'search.results.countAtLeast' : 'search.results.count' },
        { count: results.totalCount, query },
      )
    : '';

  return (
    <div className="page search-page">
      <h1 ref={heading}>
        {query ? (
          <FormattedMessage id="search.results.title" values={{ query: <bdi>{query}</bdi> }} />
        ) : (
          <FormattedMessage id="search.results.titleEmpty" />
        )}
      </h1>
      <form role="search" className="search-form" onSubmit={submit}>
        <label>
          <FormattedMessage id="search.box.label" />{' '}
          <input type="search" value={text} maxLength={200} onChange={(event) => setText(event.target.value)} />
        </label>{' '}
        <button type="submit">
          <FormattedMessage id="search.box.submit" />
        </button>
        <p className="hint">
          <FormattedMessage id="search.results.hint" />
        </p>
      </form>
      {loading && !data && <Loading />}
      {error && <ErrorMessage error={error} onRetry={() => void refetch()} />}
      {results && (
        <div className="search-layout">
          <nav className="search-facets" aria-label={intl.formatMessage({ id: 'search.facets.label' })}>
            <h2>
              <FormattedMessage id="search.facets.types" />
            </h2>
            <ul>
              <li>
                <Link to={withParams({ type: null })} aria-current={!type ? 'true' : undefined}>
                  <FormattedMessage id="search.facets.all" values={{ count: count(all, allAtLeast) }} />
                </Link>
              </li>
              {results.facets.types.map((facet) => (
                <li key={facet.type}>
                  <Link to={withParams({ type: facet.type })} aria-current={type === facet.type ? 'true' : undefined}>
                    <FormattedMessage
                      id="search.facets.type"
                      values={{
                        type: intl.formatMessage({ id: `search.type.${facet.type}` }),
                        count: count(facet.count, facet.isLowerBound),
                      }}
                    />
                  </Link>
                </li>
              ))}
            </ul>
            {results.facets.articles.length > 0 && (
              <>
                <h2>
                  <FormattedMessage id="search.facets.articles" />
                </h2>
                <ul>
                  {articleKey && (
                    <li>
                      <Link to={withParams({ document: null, article: null })}>
                        <FormattedMessage id="search.facets.allArticles" />
                      </Link>
                    </li>
                  )}
                  {results.facets.articles.map((facet) => (
                    <li key={`${facet.documentId}-${facet.articleKey}`}>
                      <Link
                        className="search-article-facet"
                        to={withParams({ document: facet.documentId, article: facet.articleKey })}
                        aria-current={
                          articleKey === facet.articleKey && documentId === facet.documentId ? 'true' : undefined
                        }
                      >
                        {/* The count is a badge at the line's end: after a long title that wraps, it would otherwise
                            start the title's next line (in Arabic, beside a French title). */}
                        <FormattedMessage
                          id="search.facets.article"
                          values={{
                            title: (
                              // The page's direction aligns it (a French title starts at the right in Arabic).
                              <span className="search-facet-title">
                                <bdi>{facet.title ?? facet.articleKey}</bdi>
                              </span>
                            ),
                            count: count(facet.count, facet.isLowerBound),
                            badge: (chunks: ReactNode[]) => <span className="search-facet-count">{chunks}</span>,
                          }}
                        />
                      </Link>
                    </li>
                  ))}
                </ul>
              </>
            )}
          </nav>
          <section className="search-results" aria-labelledby="search-results-heading">
            <h2 id="search-results-heading">{resultsCount}</h2>
            {results.edges.length === 0 && (
              <Empty>
                <FormattedMessage id="search.results.empty" />
              </Empty>
            )}
            <ol className="search-hits">
              {results.edges.map(({ node }) => (
                <li key={node.id}>
                  <p className="meta">
                    <span className="search-type">{intl.formatMessage({ id: `search.type.${node.type}` })}</span>
                    {' · '}
                    <FormattedDate value={node.createdAt} dateStyle="medium" />
                    {node.target.versionNumber && (
                      <>
                        {' · '}
                        <FormattedMessage id="search.hit.version" values={{ number: node.target.versionNumber }} />
                      </>
                    )}
                  </p>
                  <Link to={hitLink(node)} className="search-hit-link">
                    {node.title ? <bdi>{node.title}</bdi> : intl.formatMessage({ id: `search.untitled.${node.type}` })}
                  </Link>
                  <p className="search-hit-snippet" dir="auto">
                    <Snippet html={node.snippetHtml} />
                  </p>
                </li>
              ))}
            </ol>
            {results.pageInfo.hasNextPage && (
              <BusyButton
                type="button"
                busy={loading}
                onClick={() =>
                  void fetchMore({
                    variables: { after: results.pageInfo.endCursor },
                    updateQuery: (previous, { fetchMoreResult }) => ({
                      search: {
                        ...fetchMoreResult.search,
                        edges: [...previous.search.edges, ...fetchMoreResult.search.edges],
                      },
                    }),
                  })
                }
              >
                <FormattedMessage id="search.results.more" />
              </BusyButton>
            )}
          </section>
        </div>
      )}
    </div>
  );
}
