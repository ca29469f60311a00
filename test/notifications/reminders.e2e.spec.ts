import { enqueueJob } from '@majlis/kernel';
import { DEADLINE_REMINDERS_JOB } from '@majlis/notifications';
import { ACCOUNTS } from '../support/demo-accounts';
import { TestApp, startTestApp } from '../support/test-app';
import { mailsTo, outbox, runJobs } from './support';

type Account = keyof typeof ACCOUNTS;
const HOUR = 3600_000;

/** Deadline reminders: 48 h and 2 h before closing, to members of eligible organisations that have not submitted. */
describe('deadline reminders', () => {
  let app: TestApp;
  const token = {} as Record<Account, string>;
  const org: Record<string, string> = {};

  async function ok<T>(account: Account, query: string, variables: Record<string, unknown>): Promise<T> {
    const result = await app.gql<T>(query, variables, token[account]);
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    return result.data!;
  }

  const reminders = async (email: string) =>
    mailsTo(await outbox(app), email).filter((mail) => mail.kind === 'DEADLINE_REMINDER');

  async function remind(): Promise<void> {
    await enqueueJob(app.db, DEADLINE_REMINDERS_JOB, {});
    await runJobs(app);
  }

  beforeAll(async () => {
    app = await startTestApp();
    for (const account of Object.keys(ACCOUNTS) as Account[])
      token[account] = (await app.signIn(ACCOUNTS[account])).accessToken;
    for (const row of (await app.db.query('SELECT id, acronym, name FROM organizations')).rows)
      org[row.acronym ?? row.name.split(' ')[0]] = row.id;
  });
  afterAll(() => app.close());

  it('reminds at 48 h and at 2 h, once each, only those who have not submitted', async () => {
    const now = app.clock.now().getTime();
    const { createConsultation } = await ok<{
      createConsultation: { consultation: { id: string; questions: { id: string }[] } };
    }>(
      'moderator',
      `mutation($input: CreateConsultationInput!) { createConsultation(input: $input) { consultation { id questions { id } } } }`,
      {
        input: {
          title: 'Délais de paiement',
          opensAt: new Date(now - HOUR),
          closesAt: new Date(now + 47 * HOUR),
          eligibleKinds: ['FEDERATION', 'COMPANY'],
          questions: [{ kind: 'TEXT', prompt: 'Votre avis', required: true }],
        },
      },
    );
    const { id, questions } = createConsultation.consultation;
    await ok(
      'moderator',
      `mutation($input: ConsultationIdInput!) { publishConsultation(input: $input) { consultation { id } } }`,
      {
        input: { id },
      },
    );
    // The federation submits; the company does not.
    const input = { consultationId: id, organizationId: org['FMO'] };
    const joined = await ok<{ joinConsultation: { contribution: { version: number } } }>(
      'federationRepresentative',
      `mutation($input: JoinConsultationInput!) { joinConsultation(input: $input) { contribution { version } } }`,
      { input },
    );
    await ok(
      'federationRepresentative',
      `mutation($input: SaveContributionInput!) { saveContribution(input: $input) { contribution { version } } }`,
      {
        input: {
          ...input,
          version: joined.joinConsultation.contribution.version,
          consent: 'PUBLIC_NAMED',
          answers: [{ questionId: questions[0].id, text: 'Soixante jours suffisent.' }],
        },
      },
    );
    await ok(
      'federationRepresentative',
      `mutation($input: JoinConsultationInput!) { submitContribution(input: $input) { receipt { trackingNumber } } }`,
      { input },
    );

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
