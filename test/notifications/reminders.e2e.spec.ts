import { enqueueJob } from '@majlis/kernel';
import { DEADLINE_REMINDERS_JOB } from '@majlis/notifications';
import { contribute, openConsultation } from '../support/consultations';
import { ACCOUNTS, sampleOrganizationIds, signInDemoAccounts } from '../support/demo-accounts';
import { TestApp, startTestApp } from '../support/test-app';
import { mailsTo, outbox, runJobs } from './support';

type Account = keyof typeof ACCOUNTS;
const HOUR = 3600_000;

/** Deadline reminders: 48 h and 2 h before closing, to members of eligible organisations that have not submitted. */
describe('deadline reminders', () => {
  let app: TestApp;
  let token: Record<Account, string>;
  let org: Record<string, string>;

  const reminders = async (email: string) =>
    mailsTo(await outbox(app), email).filter((mail) => mail.kind === 'DEADLINE_REMINDER');

  async function remind(): Promise<void> {
    await enqueueJob(app.db, DEADLINE_REMINDERS_JOB, {});
    await runJobs(app);
  }

  beforeAll(async () => {
    app = await startTestApp();
    token = await signInDemoAccounts(app);
    org = await sampleOrganizationIds(app);
  });
  afterAll(() => app.close());

  it('reminds at 48 h and at 2 h, once each, only those who have not submitted', async () => {
    const { id, questions } = await openConsultation(app, token.moderator, {
      title: 'Délais de paiement',
      closesAt: new Date(app.clock.now().getTime() + 47 * HOUR),
    });
    // The federation submits; the company does not.
    await contribute(app, token.federationRepresentative, {
      consultationId: id,
      organizationId: org['FMO'],
      consent: 'PUBLIC_NAMED',
      answers: [{ questionId: questions[0].id, text: 'Soixante jours suffisent.' }],
    });

    await remind();
    await remind(); // once per window
    const first = await reminders(ACCOUNTS.companyMember);
    expect(first).toHaveLength(1);
    expect(first[0].subject).toContain('Délais de paiement');
    expect(await reminders(ACCOUNTS.companyRepresentative)).toHaveLength(1);
    expect(await reminders(ACCOUNTS.federationMember)).toHaveLength(0);
    expect(await reminders(ACCOUNTS.federationRepresentative)).toHaveLength(0);
    const inbox = await app.gql<{
      notifications: { edges: { node: { kind: string; title: string; target: { consultationId: string } } }[] };
    }>(
      `{ notifications(first: 5) { edges { node { kind title target { consultationId } } } } }`,
      {},
      token.companyMember,
    );
    // It opens the consultation.
    expect(inbox.data!.notifications.edges[0].node).toEqual({
      kind: 'DEADLINE_REMINDER',
      title: 'Délais de paiement',
      target: { consultationId: id },
    });

    app.clock.advance(45.5 * HOUR);
    try {
      await remind();
      await remind();
    } finally {
      app.clock.advance(-45.5 * HOUR);
    }
    expect(await reminders(ACCOUNTS.companyMember)).toHaveLength(2);
    expect(await reminders(ACCOUNTS.federationMember)).toHaveLength(0);
  });
});
