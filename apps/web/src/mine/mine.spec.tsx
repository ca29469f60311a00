import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router';
import { renderWithProviders } from '../annotations/test-support';
import { MyAnnotationsDocument, MyReportDocument, MyReportsDocument } from '../graphql/generated/graphql';
import { MyAnnotationsPage } from './MyAnnotationsPage';
import { MyReportPage } from './MyReportPage';
import { MyReportsPage } from './MyReportsPage';

vi.setConfig({ testTimeout: 20_000 });

const annotation = (id: string, sectionKey: string | null) => ({
  __typename: 'Annotation' as const,
  id,
  motivation: 'QUESTIONING' as const,
  visibility: 'PUBLIC' as const,
  status: 'OPEN' as const,
  createdAt: '2026-12-01T10:00:00.000Z',
  bodyExcerpt: `Question ${id}`,
  isDeleted: false,
  replyCount: 2,
  moderation: null,
  target: { __typename: 'TextTarget' as const, exact: 'les marchés publics', sectionKey },
  createdOnVersion: { __typename: 'DocumentVersion' as const, id: 'v-1', number: 3, documentId: 'd-1' },
});

const page = (nodes: ReturnType<typeof annotation>[], endCursor: string | null) => ({
  myAnnotations: {
    __typename: 'AnnotationConnection' as const,
    totalCount: 2,
    pageInfo: { __typename: 'PageInfo' as const, hasNextPage: endCursor !== null, endCursor },
    edges: nodes.map((node) => ({ __typename: 'AnnotationEdge' as const, node })),
  },
});

const report = {
  __typename: 'Report' as const,
  id: 'r-1',
  contentId: 't-1',
  contentType: 'THREAD' as const,
  reason: 'SPAM' as const,
  explanation: 'Publicité',
  status: 'CLOSED' as const,
  outcome: 'HIDDEN' as const,
  createdAt: '2026-11-20T10:00:00.000Z',
  closedAt: '2026-11-21T10:00:00.000Z',
};

describe('My activity', () => {
  it('lists my annotations, each opening the reader at its place, and shows more on demand', async () => {
    renderWithProviders(
      <MemoryRouter>
        <MyAnnotationsPage />
      </MemoryRouter>,
      {
        mocks: [
          {
            request: { query: MyAnnotationsDocument, variables: {} },
            result: { data: page([annotation('a-1', 'art-2')], 'c1') },
          },
          {
            request: { query: MyAnnotationsDocument, variables: { after: 'c1' } },
            result: { data: page([annotation('a-2', null)], null) },
          },
        ],
      },
    );
    expect(await screen.findByRole('heading', { level: 1, name: 'Mes annotations' })).toBeInTheDocument();
    const [first] = await screen.findAllByRole('link', { name: 'les marchés publics' });
    expect(first).toHaveAttribute('href', '/read/d-1/3?annotation=a-1#art-2');
    expect(screen.getByText('2 annotations')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Afficher plus' }));
    expect(await screen.findByText('Question a-2')).toBeInTheDocument();
    expect(screen.getByText('Question a-1')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Afficher plus' })).not.toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Mes discussions' })).toHaveAttribute('href', '/account/activity/threads');
  });

  it('says so when I reported nothing', async () => {
    renderWithProviders(
      <MemoryRouter>
        <MyReportsPage />
      </MemoryRouter>,
      {
        mocks: [
          {
            request: { query: MyReportsDocument, variables: {} },
            result: {
              data: {
                myReports: {
                  __typename: 'ReportConnection' as const,
                  totalCount: 0,
                  pageInfo: { __typename: 'PageInfo' as const, hasNextPage: false, endCursor: null },
                  edges: [],
                },
              },
            },
          },
        ],
      },
    );
    expect(await screen.findByText('Vous n’avez rien signalé.')).toBeInTheDocument();
  });

  it('shows one report with its status and outcome, in Arabic too', async () => {
    renderWithProviders(
      <MemoryRouter initialEntries={['/account/activity/reports/r-1']}>
        <Routes>
          <Route path="/account/activity/reports/:reportId" element={<MyReportPage />} />
        </Routes>
      </MemoryRouter>,
      {
        locale: 'ar',
        mocks: [{ request: { query: MyReportDocument, variables: { id: 'r-1' } }, result: { data: { report } } }],
      },
    );
    expect(await screen.findByText('مغلق — أُخفي المحتوى')).toBeInTheDocument();
    expect(screen.getByText('Publicité')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'فتح النقاش المبلَّغ عنه' })).toHaveAttribute('href', '/threads/t-1');
    for (const link of screen.getAllByRole('link', { name: 'تبليغاتي' })) {
      expect(link).toHaveAttribute('href', '/account/activity/reports');
    }
  });
});
