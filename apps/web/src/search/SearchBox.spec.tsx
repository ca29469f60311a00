import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { SearchSuggestionsDocument, type SearchHitFieldsFragment } from '../graphql/generated/graphql';
import { renderWithProviders, viewerFixture } from '../annotations/test-support';
import { hitLink, isSafeSnippet } from './links';
import { SearchBox } from './SearchBox';

vi.setConfig({ testTimeout: 20_000 });
const session = vi.hoisted(() => ({ viewer: null as unknown }));
vi.mock('../app/session', () => ({ useSession: () => session }));

function hit(overrides: Partial<SearchHitFieldsFragment> & { id: string }): SearchHitFieldsFragment {
  return {
    __typename: 'SearchHit',
    type: 'ANNOTATION',
    title: 'plafonné à 60 000 dirhams',
    snippetHtml: 'Le <mark>plafond</mark> est bas',
    createdAt: '2026-11-20T10:00:00.000Z',
    target: {
      __typename: 'SearchTargetModel',
      documentId: 'd1',
      versionNumber: 1,
      articleKey: 'art-7',
      annotationId: overrides.id,
      commentId: null,
      threadId: null,
      spaceSlug: null,
      consultationId: null,
      questionId: null,
      organizationId: null,
    },
    ...overrides,
  } as SearchHitFieldsFragment;
}

function Location() {
  const location = useLocation();
  return <output data-testid="location">{location.pathname + location.search + location.hash}</output>;
}

function renderBox(hits: SearchHitFieldsFragment[]) {
  const mocks = [
    {
      request: { query: SearchSuggestionsDocument, variables: { query: 'plaf' } },
      result: {
        data: {
          search: {
            __typename: 'SearchHitConnection',
            edges: hits.map((node) => ({ __typename: 'SearchHitEdge', node })),
          },
        },
      },
    },
  ];
  return renderWithProviders(
    <MemoryRouter initialEntries={['/']}>
      <Routes>
        <Route
          path="*"
          element={
            <>
              <SearchBox />
              <Location />
            </>
          }
        />
      </Routes>
    </MemoryRouter>,
    { mocks },
  );
}

beforeEach(() => {
  session.viewer = viewerFixture();
});

describe('SearchBox', () => {
  it('suggests as one types; the arrow keys choose and Enter opens the hit in place', async () => {
    renderBox([hit({ id: 'a1' }), hit({ id: 'a2', title: 'Article 7 — Aides', type: 'ARTICLE' })]);
    const box = screen.getByRole('combobox', { name: 'Rechercher' });
    await userEvent.type(box, 'plaf');
    const options = await screen.findAllByRole('option');
    expect(options).toHaveLength(2);
    expect(box).toHaveAttribute('aria-expanded', 'true');
    await userEvent.keyboard('{ArrowDown}');
    expect(options[0]).toHaveAttribute('aria-selected', 'true');
    expect(box).toHaveAttribute('aria-activedescendant', options[0].id);
    await userEvent.keyboard('{Enter}');
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent('/read/d1/1?annotation=a1#art-7'));
  });

  it('Enter without a chosen suggestion opens the results page; Escape closes the list', async () => {
    renderBox([hit({ id: 'a1' })]);
    const box = screen.getByRole('combobox', { name: 'Rechercher' });
    await userEvent.type(box, 'plaf');
    await screen.findAllByRole('option');
    await userEvent.keyboard('{Escape}');
    expect(screen.queryAllByRole('option')).toHaveLength(0);
    await userEvent.keyboard('{Enter}');
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent('/search?q=plaf'));
  });

  it('Enter typed before the pause for suggestions opens the results, and no list opens after it', async () => {
    renderBox([hit({ id: 'a1' })]);
    const box = screen.getByRole('combobox', { name: 'Rechercher' });
    await userEvent.type(box, 'plaf{Enter}');
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent('/search?q=plaf'));
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(screen.queryAllByRole('option')).toHaveLength(0);
    expect(box).toHaveAttribute('aria-expanded', 'false');
  });

  it('is not shown when signed out', () => {
    session.viewer = null;
    renderBox([]);
    expect(screen.queryByRole('combobox')).not.toBeInTheDocument();
  });
});

describe('links and snippets', () => {
  it('links each type to its place', () => {
    expect(hitLink(hit({ id: 'a1' }))).toBe('/read/d1/1?annotation=a1#art-7');
    const reply = hit({ id: 'c1', type: 'REPLY', title: null });
    expect(hitLink({ ...reply, target: { ...reply.target, annotationId: 'a1', commentId: 'c1' } })).toBe(
      '/read/d1/1?annotation=a1&comment=c1#art-7',
    );
    const thread = hit({ id: 't1', type: 'THREAD' });
    expect(
      hitLink({
        ...thread,
        target: { ...thread.target, documentId: null, threadId: 't1', spaceSlug: 'fmo', annotationId: null },
      }),
    ).toBe('/threads/t1');
  });

  it('accepts only escaped text with <mark>', () => {
    expect(isSafeSnippet('a &lt;b&gt; <mark>c</mark>')).toBe(true);
    expect(isSafeSnippet('<img src=x onerror=alert(1)>')).toBe(false);
    expect(isSafeSnippet('<mark onclick="x">c</mark>')).toBe(false);
  });
});
