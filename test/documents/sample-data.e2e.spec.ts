import { ACCOUNTS } from '../support/demo-accounts';
import { TestApp, startTestApp } from '../support/test-app';

interface Anchored {
  bodyMarkdown: string | null;
  anchor: { status: string; score: number } | null;
}

describe('the sample data shows what the README says (issue 14, item 10)', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  it('shows every re-anchoring outcome from version 1 to version 2: EXACT, MOVED, FUZZY and ORPHANED', async () => {
    const { accessToken } = await app.signIn(ACCOUNTS.federationRepresentative);
    const result = await app.gql<{
      documents: {
        edges: {
          node: {
            latestVersion: {
              number: number;
              annotations: { edges: { node: Anchored }[] };
              orphanedAnnotations: { edges: { node: Anchored }[] };
            };
          };
        }[];
      };
    }>(
      `{ documents { edges { node { latestVersion { number
          annotations(first: 100) { edges { node { bodyMarkdown anchor { status score } } } }
          orphanedAnnotations(first: 100) { edges { node { bodyMarkdown anchor { status score } } } } } } } } }`,
      {},
      accessToken,
    );
    expect(result.errors).toBeUndefined();
    const [sample] = result.data!.documents.edges.map((edge) => edge.node.latestVersion);
    expect(sample.number).toBe(2);
    const statuses = [...sample.annotations.edges, ...sample.orphanedAnnotations.edges].map(
      (edge) => edge.node.anchor!.status,
    );
    expect(new Set(statuses)).toEqual(new Set(['EXACT', 'MOVED', 'FUZZY', 'ORPHANED']));
    for (const edge of sample.annotations.edges) {
      const { status, score } = edge.node.anchor!;
      if (status === 'EXACT') expect(score).toBe(1);
      if (status === 'FUZZY') expect(score).toBeLessThan(1);
    }
  });
});
