import { ACCOUNTS, signInDemoAccounts } from './demo-accounts';
import { LiveSubscriber } from './live-client';
import { TestApp, TestAppOptions, startTestApp } from './test-app';

type Account = keyof typeof ACCOUNTS;

export interface LiveSuite {
  /** Instance A, where the suite writes; B shares its database (and its events) but has its own LISTEN. */
  readonly a: TestApp;
  readonly b: TestApp;
  /** Every demo account's access token (signed in on A; valid on both). */
  readonly token: Record<Account, string>;
  /** A `liveEvents` subscriber on `app` as `account`; the suite closes it at its end. */
  subscribe(app: TestApp, account: Account, variables: Record<string, unknown>): LiveSubscriber;
  /** The same with any access token (another session's, or none that is valid). */
  subscribeWithToken(app: TestApp, accessToken: string, variables: Record<string, unknown>): LiveSubscriber;
  /** The last event's seq so far ('0' when none): what a subscription resumes `after`. */
  lastSeq(): Promise<string>;
  /** The answer's data when the API accepted the operation (as `account` on `app`); throws with its errors when not. */
  ok<T>(app: TestApp, account: Account, query: string, variables: Record<string, unknown>): Promise<T>;
}

/**
 * A live suite's two API instances on one database, started in a `beforeAll` with every demo account signed in, and
 * closed in an `afterAll`: the subscribers first, then B, then A. `use` hands the suite to the test's own variables.
 */
export function liveSuite(use: (suite: LiveSuite) => void, options: Omit<TestAppOptions, 'sameDatabaseAs'> = {}): void {
  const subscribers: LiveSubscriber[] = [];
  let a: TestApp | undefined;
  let b: TestApp | undefined;
  beforeAll(async () => {
    const first = (a = await startTestApp(options));
    b = await startTestApp({ ...options, sameDatabaseAs: first });
    const token = await signInDemoAccounts(first);
    const subscribeWithToken = (app: TestApp, accessToken: string, variables: Record<string, unknown>) => {
      const subscriber = new LiveSubscriber(app, accessToken, variables);
      subscribers.push(subscriber);
      return subscriber;
    };
    use({
      a: first,
      b,
      token,
      subscribe: (app, account, variables) => subscribeWithToken(app, token[account], variables),
      subscribeWithToken,
      lastSeq: async () =>
        String((await first.db.query(`SELECT COALESCE(max(seq), 0) AS seq FROM events`)).rows[0].seq),
      async ok<T>(app: TestApp, account: Account, query: string, variables: Record<string, unknown>) {
        const result = await app.gql<T>(query, variables, token[account]);
        if (!result.data || result.errors) throw new Error(JSON.stringify(result.errors));
        return result.data;
      },
    });
  });
  afterAll(async () => {
    await Promise.all(subscribers.map((subscriber) => subscriber.close()));
    await b?.close();
    await a?.close();
  });
}
