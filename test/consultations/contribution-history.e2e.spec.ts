import { ACCOUNTS, signInDemoAccounts } from '../support/demo-accounts';
import { TestApp, outcome, startTestApp } from '../support/test-app';

/**
 * Who changed what and when (issue 10): each save of a contribution records its author, time, version and the
 * questions it changed; each submission its tracking number. Only the organisation's members read it. Questions that
 * cite an article say in which document and version, to open the reader there.
 */
type Account = keyof typeof ACCOUNTS;
const HOUR = 3600_000;
const HISTORY = `query($c: ID!, $o: ID!) { contribution(consultationId: $c, organizationId: $o) {
  history { kind version questionIds consentChanged trackingNumber at by { displayName } } } }`;
const SAVE = `mutation($input: SaveContributionInput!) { saveContribution(input: $input) { contribution { version } } }`;

interface Change {
  kind: string;
  version: number | null;
  questionIds: string[];
  consentChanged: boolean;
  trackingNumber: string | null;
  at: string;
  by: { displayName: string } | null;
}

describe('contribution history and question citations', () => {
  let app: TestApp;
  let token: Record<Account, string>;
  let consultationId: string;
  let atlas: string;
  let documentId: string;
  let questions: { id: string; documentId: string | null; versionNumber: number | null; sectionKey: string | null }[];

  beforeAll(async () => {
    app = await startTestApp();
    token = await signInDemoAccounts(app);
    atlas = (await app.db.query(`SELECT id FROM organizations WHERE name LIKE 'Atlas%'`)).rows[0].id;
    documentId = (await app.db.query(`SELECT id FROM documents ORDER BY created_at LIMIT 1`)).rows[0].id;
    const now = app.clock.now().getTime();
    const created = await app.gql<{ createConsultation: { consultation: { id: string } } }>(
      `mutation($input: CreateConsultationInput!) { createConsultation(input: $input) { consultation { id } } }`,
      {
        input: {
          title: 'Historique',
          opensAt: new Date(now - HOUR),
          closesAt: new Date(now + HOUR),
          eligibleKinds: ['COMPANY'],
          questions: [
            { kind: 'TEXT', prompt: 'Avis', required: true },
            {
              kind: 'SINGLE_CHOICE',
              prompt: 'Adapté ?',
              options: ['Oui', 'Non'],
              citation: { documentId, versionNumber: 2, sectionKey: 'art-3' },
            },
          ],
        },
      },
      token.moderator,
    );
    consultationId = created.data!.createConsultation.consultation.id;
    await app.gql(
      `mutation($input: ConsultationIdInput!) { publishConsultation(input: $input) { consultation { id } } }`,
      { input: { id: consultationId } },
      token.moderator,
    );
    const read = await app.gql<{ consultation: { questions: typeof questions } }>(
      `query($id: ID!) { consultation(id: $id) { questions { id documentId versionNumber sectionKey } } }`,
      { id: consultationId },
      token.companyMember,
    );
    questions = read.data!.consultation.questions;
  });
  afterAll(() => app.close());

  it('names the cited article’s document and version', () => {
    expect(questions[0]).toMatchObject({ documentId: null, versionNumber: null, sectionKey: null });
    expect(questions[1]).toMatchObject({ documentId, versionNumber: 2, sectionKey: 'art-3' });
  });

  it('records each save (who, which questions, the consent) and each submission, newest first, for members only', async () => {
    const input = { consultationId, organizationId: atlas };
    const joined = await app.gql<{ joinConsultation: { contribution: { version: number } } }>(
      `mutation($input: JoinConsultationInput!) { joinConsultation(input: $input) { contribution { version } } }`,
      { input },
      token.companyRepresentative,
    );
    let version = joined.data!.joinConsultation.contribution.version;
    const first = await app.gql<{ saveContribution: { contribution: { version: number } } }>(
      SAVE,
      { input: { ...input, version, answers: [{ questionId: questions[0]!.id, text: 'Premier jet' }] } },
      token.companyRepresentative,
    );
    version = first.data!.saveContribution.contribution.version;
    const second = await app.gql<{ saveContribution: { contribution: { version: number } } }>(
      SAVE,
      {
        input: {
          ...input,
          version,
          consent: 'PUBLIC_ANONYMOUS',
          answers: [
            { questionId: questions[0]!.id, text: 'Premier jet' },
            { questionId: questions[1]!.id, choices: ['Non'] },
          ],
        },
      },
      token.companyMember,
    );
    version = second.data!.saveContribution.contribution.version;
    // A stale save changes nothing and records nothing.
    const stale = await app.gql(
      SAVE,
      { input: { ...input, version: version - 1, answers: [{ questionId: questions[0]!.id, text: 'Perdu ?' }] } },
      token.companyRepresentative,
    );
    expect(outcome(stale)).toBe('CONFLICT');
    const submitted = await app.gql<{ submitContribution: { receipt: { trackingNumber: string } } }>(
      `mutation($input: JoinConsultationInput!) { submitContribution(input: $input) { receipt { trackingNumber } } }`,
      { input },
      token.companyRepresentative,
    );
    const tracking = submitted.data!.submitContribution.receipt.trackingNumber;

    const history = await app.gql<{ contribution: { history: Change[] } }>(
      HISTORY,
      { c: consultationId, o: atlas },
      token.companyMember,
    );
    const changes = history.data!.contribution.history;
    expect(changes.map((change) => [change.kind, change.by?.displayName !== undefined])).toEqual([
      ['SUBMITTED', true],
      ['SAVED', true],
      ['SAVED', true],
    ]);
    expect(changes[0]).toMatchObject({ trackingNumber: tracking, version: null, questionIds: [] });
    // The member's save changed only the choice (the text was the same) and the consent.
    expect(changes[1]).toMatchObject({ version, questionIds: [questions[1]!.id], consentChanged: true });
    expect(changes[2]).toMatchObject({ version: version - 1, questionIds: [questions[0]!.id], consentChanged: false });
    expect(changes[1]!.by!.displayName).not.toBe(changes[2]!.by!.displayName);
    expect(Date.parse(changes[1]!.at)).toBeGreaterThanOrEqual(Date.parse(changes[2]!.at));

    // Outsiders never reach it: the contribution itself is NOT_FOUND for them.
    for (const outsider of ['federationMember', 'moderator'] as const)
      expect(outcome(await app.gql(HISTORY, { c: consultationId, o: atlas }, token[outsider]))).toBe('NOT_FOUND');
  });
});
