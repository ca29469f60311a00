import { serverAudits } from 'graphql-http';
import { TestApp, startTestApp } from '../support/test-app';

/** The GraphQL-over-HTTP specification's audits (graphql-http's serverAudits), run against the real app. */
describe('GraphQL over HTTP audits', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({ seed: false });
  });
  afterAll(() => app.close());

  it('passes every audit without an error', async () => {
    const audits = serverAudits({ url: () => app.graphqlUrl, fetchFn: fetch });
    const failures: string[] = [];
    for (const audit of audits) {
      const result = await audit.fn();
      if (result.status === 'error') failures.push(`${audit.name}: ${result.reason}`);
    }
    expect(audits.length).toBeGreaterThan(20);
    expect(failures).toEqual([]);
  });
});
