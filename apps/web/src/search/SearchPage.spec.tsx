import { screen } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { SearchDocument } from '../graphql/generated/graphql';
import { renderWithProviders, viewerFixture } from '../annotations/test-support';
import type { AppLocale } from '../i18n';
import { SearchPage } from './SearchPage';

vi.setConfig({ testTimeout: 20_000 });
const session = vi.hoisted(() => ({ viewer: null as unknown }));
vi.mock('../app/session', () => ({ useSession: () => session }));

/** A frequent term: the API ranked the newest annotations and says their count is "at least" (isLowerBound); replies are exact. */
function renderPage(locale: AppLocale) {
  const mocks = [
    {
      request: { query: SearchDocument, variables: { query: 'entreprises', filter: {}, first: 20 } },
      result: {
        data: {
          search: {
            __typename: 'SearchHitConnection',
            totalCount: 1012,
            totalCountIsLowerBound: true,
            edges: [],
            pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null },
            facets: {
              __typename: 'SearchFacets',
              types: [
                { __typename: 'SearchTypeFacet', type: 'ANNOTATION', count: 1000, isLowerBound: true },
                { __typename: 'SearchTypeFacet', type: 'REPLY', count: 12, isLowerBound: false },
              ],
              articles: [
                {
                  __typename: 'SearchArticleFacet',
                  documentId: 'd1',
                  articleKey: 'art-7',
                  title: 'Article 7',
                  count: 1000,
                  isLowerBound: true,
                },
              ],
            },
          },
        },
      },
    },
  ];
  return renderWithProviders(
    <MemoryRouter initialEntries={['/search?q=entreprises']}>
      <Routes>
        <Route path="/search" element={<SearchPage />} />
      </Routes>
    </MemoryRouter>,
    { mocks, locale },
  );
}

beforeEach(() => {
  session.viewer = viewerFixture();
});

/** Spaces as the locale's number formatting puts them (narrow no-break spaces in French). */
const spaced = (text: string) => new RegExp(text.replace(/ /g, '[\\s\\u202f\\u00a0]'));

describe('SearchPage counts', () => {
  it('French: a count that is "at least" reads "N et plus", an exact one reads N', async () => {
    renderPage('fr');
    expect(await screen.findByRole('heading', { name: spaced('Au moins 1 012 résultats') })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: spaced('Tout \\(1 012 et plus\\)') })).toBeInTheDocument();
    // The annotations' facet and the article's.
    expect(screen.getAllByRole('link', { name: spaced('\\(1 000 et plus\\)$') })).toHaveLength(2);
    expect(screen.getByRole('link', { name: /\(12\)$/ })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: spaced('Article 7 \\(1 000 et plus\\)') })).toBeInTheDocument();
  });

  it('English', async () => {
    renderPage('en');
    expect(await screen.findByRole('heading', { name: 'At least 1,012 results' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Article 7 (1,000+)' })).toBeInTheDocument();
  });

  it('Arabic', async () => {
    renderPage('ar');
    expect(await screen.findByRole('heading', { name: /على الأقل/ })).toBeInTheDocument();
    expect(screen.getAllByRole('link', { name: /أو أكثر/ })).toHaveLength(3);
    // An article's count is a badge of its own after the title (it never starts the next line of a long title).
    const article = screen.getByRole('link', { name: /^Article 7/ });
    expect(article.querySelector('.search-facet-title bdi')?.textContent).toBe('Article 7');
    expect(article.querySelector('.search-facet-count')?.textContent).toMatch(/^\(.*أو أكثر.*\)$/);
  });
});
