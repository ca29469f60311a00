import { DataSource } from 'typeorm';
import { joinConsultation, openConsultation, saveContribution } from '../support/consultations';
import { ACCOUNTS, sampleOrganizationIds, signInDemoAccounts } from '../support/demo-accounts';
import { TestApp, outcome, startTestApp } from '../support/test-app';

/**
 * The urgent lane (issue 15, item 2): in a closing rush the requests queue for the database pool's connections, and
 * a submission is served before the waiting drafts and reads, so its answer does not wait for the rush to drain.
 * Shown with a pool of one connection, held by a save blocked on a row lock while the others queue behind it.
 */
type Account = keyof typeof ACCOUNTS;

const SUBMIT = `mutation($input: JoinConsultationInput!) { submitContribution(input: $input) { receipt { trackingNumber } } }`;
const READ = `query($c: ID!, $o: ID!) { contribution(consultationId: $c, organizationId: $o) { version } }`;
const SAVE = `mutation($input: SaveContributionInput!) { saveContribution(input: $input) { contribution { version } } }`;

describe('the urgent lane: a submission is served before the queue of ordinary requests', () => {
  let app: TestApp;
  let token: Record<Account, string>;
  let org: Record<string, string>;

  beforeAll(async () => {
    app = await startTestApp({ env: { DATABASE_POOL_SIZE: '1' } });
    token = await signInDemoAccounts(app);
    org = await sampleOrganizationIds(app);
  });
  afterAll(() => app.close());

  const waitingForAConnection = () =>
    (app.nest.get(DataSource).driver as unknown as { master: { waitingCount: number } }).master.waitingCount;

  async function until(condition: () => Promise<boolean> | boolean): Promise<void> {
    for (let tries = 0; tries < 500; tries++) {
      if (await condition()) return;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    throw new Error('the requests did not queue as expected');
  }

  const blockedOnALock = async () =>
    (
      await app.db.query(
        `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
      )
    ).rows[0].n >= 1;

  /** `work`, while this test holds the contribution's row (FOR UPDATE), which it releases when `work` says so. */
  async function whileRowLocked(contributionId: string, work: (release: () => Promise<void>) => Promise<void>) {
    const blocker = await app.db.connect();
    try {
      await blocker.query('BEGIN');
      await blocker.query('SELECT 1 FROM contributions WHERE id = $1 FOR UPDATE', [contributionId]);
      await work(async () => void (await blocker.query('COMMIT')));
    } finally {
      blocker.release();
    }
  }

  /** Records, in `answered`, the order in which the requests were answered. */
  function answerOrder(answered: string[]) {
    return <T>(label: string, request: Promise<T>) =>
      request.then((answer) => {
        answered.push(label);
        return answer;
      });
  }

  /** A consultation that Atlas and the FMO joined, each with a draft (the FMO's complete, ready to submit). */
  async function twoDrafts() {
    const { id, questions } = await openConsultation(app, token.moderator, {
      title: 'Consultation en clôture (file prioritaire)',
      eligibleKinds: ['COMPANY', 'FEDERATION'],
    });
    const answers = [{ questionId: questions[0].id, text: 'Notre position.' }];
    const atlas = await joinConsultation(app, token.companyRepresentative, id, org['Atlas']);
    const atlasVersion = await saveContribution(app, token.companyMember, atlas.version, {
      consultationId: id,
      organizationId: org['Atlas'],
      answers,
    });
    const fmo = await joinConsultation(app, token.federationRepresentative, id, org['FMO']);
    await saveContribution(app, token.federationMember, fmo.version, {
      consultationId: id,
      organizationId: org['FMO'],
      answers,
    });
    return { id, questionId: questions[0].id, atlasContributionId: atlas.id, atlasVersion };
  }

  it('answers a submission before the reads that were waiting for the connection ahead of it', async () => {
    const { id, questionId, atlasContributionId, atlasVersion } = await twoDrafts();
    const answered: string[] = [];
    const track = answerOrder(answered);
    await whileRowLocked(atlasContributionId, async (release) => {
      // A draft's save takes the pool's only connection and waits for the row.
      const save = track(
        'save',
        app.gql(
          SAVE,
          {
            input: {
              consultationId: id,
              organizationId: org['Atlas'],
              version: atlasVersion,
              answers: [{ questionId, text: 'Une dernière retouche.' }],
            },
          },
          token.companyMember,
        ),
      );
      await until(blockedOnALock);
      // Two reads queue for it, then the FMO's submission.
      const reads = ['read 1', 'read 2'].map((label) =>
        track(label, app.gql(READ, { c: id, o: org['Atlas'] }, token.companyRepresentative)),
      );
      await until(() => waitingForAConnection() === 2);
      const submit = track(
        'submit',
        app.gql(SUBMIT, { input: { consultationId: id, organizationId: org['FMO'] } }, token.federationRepresentative),
      );
      await until(() => waitingForAConnection() === 3);
      await release();
      const [saved, submitted, ...read] = await Promise.all([save, submit, ...reads]);
      expect([saved, submitted, ...read].map(outcome)).toEqual(['OK', 'OK', 'OK', 'OK']);
    });
    // First come, first served would answer the reads first: they were waiting before it.
    expect(answered).toEqual(['save', 'submit', 'read 1', 'read 2']);
  });

  it('leaves a mutation that adds anything to the submission in the ordinary queue', async () => {
    const { id, atlasContributionId } = await twoDrafts();
    const answered: string[] = [];
    const track = answerOrder(answered);
    await whileRowLocked(atlasContributionId, async (release) => {
      const held = track(
        'held',
        app.gql(SUBMIT, { input: { consultationId: id, organizationId: org['Atlas'] } }, token.companyRepresentative),
      );
      await until(blockedOnALock);
      const read = track('read', app.gql(READ, { c: id, o: org['Atlas'] }, token.companyRepresentative));
      await until(() => waitingForAConnection() === 1);
      // The same submission, with a second root field: no longer urgent.
      const padded = track(
        'padded submit',
        app.gql(
          `mutation($input: JoinConsultationInput!) {
             submitContribution(input: $input) { receipt { trackingNumber } }
             markAllNotificationsRead { marked }
           }`,
          { input: { consultationId: id, organizationId: org['FMO'] } },
          token.federationRepresentative,
        ),
      );
      await until(() => waitingForAConnection() === 2);
      await release();
      await Promise.all([held, read, padded]);
    });
    expect(answered).toEqual(['held', 'read', 'padded submit']);
  });
});
