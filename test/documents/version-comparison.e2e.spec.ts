import { ACCOUNTS } from '../support/demo-accounts';
import { SAMPLE_V1, SAMPLE_V2, openDocument, publish } from '../support/documents';
import { TestApp, outcome, startTestApp } from '../support/test-app';

const COMPARE = `compareDocumentVersions(documentId: $d, from: 1, to: 2) { sections { key change diff { op text } } }`;

/**
 * Comparing two versions is computed once per version pair (versions are immutable) and priced in the query cost:
 * many comparisons in one operation are refused before anything runs.
 */
describe('version comparison: computed once per pair, priced', () => {
  let app: TestApp;
  let member: string;
  let documentId: string;

  beforeAll(async () => {
    app = await startTestApp();
    const moderator = (await app.signIn(ACCOUNTS.moderator)).accessToken;
    member = (await app.signIn(ACCOUNTS.federationMember)).accessToken;
    documentId = await openDocument(app, moderator, SAMPLE_V1);
    await publish(app, moderator, documentId, SAMPLE_V2);
  });
  afterAll(() => app.close());

  it('refuses 15 aliased comparisons as too costly, before running any', async () => {
    const aliases = Array.from({ length: 15 }, (_, index) => `c${index}: ${COMPARE}`).join('\n');
    const result = await app.gql(`query($d: ID!) { ${aliases} }`, { d: documentId }, member);
    expect(outcome(result)).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(result.errors![0].message).toMatch(/cost/i);
    expect(result.headers.get('x-sql-statements')).toBe('0');
    const two = await app.gql(`query($d: ID!) { a: ${COMPARE} b: ${COMPARE} }`, { d: documentId }, member);
    expect(outcome(two)).toBe('OK');
  });

  it('returns the same comparison again without recomputing it from the texts', async () => {
    const query = `query($d: ID!) { ${COMPARE.replace('from: 1, to: 2', 'from: 2, to: 1')} }`;
    const first = await app.gql<{ compareDocumentVersions: unknown }>(query, { d: documentId }, member);
    const again = await app.gql<{ compareDocumentVersions: unknown }>(query, { d: documentId }, member);
    expect(outcome(first)).toBe('OK');
    expect(again.data).toEqual(first.data);
    const statements = (response: typeof first) => Number(response.headers.get('x-sql-statements'));
    // The second reads only the document and the two versions: no texts, no articles.
    expect(statements(again)).toBeLessThan(statements(first));
  });
});
