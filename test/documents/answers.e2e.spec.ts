import { ACCOUNTS, signInDemoAccounts } from '../support/demo-accounts';
import { CREATE_ANNOTATION, SAMPLE_V1, openDocument, plainTextOf, targetFor } from '../support/documents';
import { TestApp, outcome, startTestApp } from '../support/test-app';

type Account = keyof typeof ACCOUNTS;

const ANSWER = `mutation($input: AnswerAnnotationInput!) { answerAnnotation(input: $input) { annotation { status version } } }`;
const READ = `query($id: ID!) { annotation(id: $id) { status
  answer { disposition rationale status answeredBy { displayName } }
  answers { disposition rationale status answeredAt answeredBy { displayName } } } }`;
const REPORT = `mutation($input: ReportContentInput!) { reportContent(input: $input) { reported report { id status outcome reason } } }`;
const READ_REPORT = `query($id: ID!) { report(id: $id) { id contentType contentId reason explanation status outcome closedAt } }`;
const MODERATE = `mutation($input: ModerateContentInput!) { moderateContent(input: $input) { version } }`;

describe('answers with history, and reporters told the outcome of their reports', () => {
  let app: TestApp;
  let token: Record<Account, string>;
  let documentId: string;
  let text: string;

  async function annotate(body: string): Promise<string> {
    const created = await app.gql<{ createAnnotation: { annotation: { id: string } } }>(
      CREATE_ANNOTATION,
      {
        input: {
          documentId,
          versionNumber: 1,
          target: targetFor(text, 'Guichet unique'),
          motivation: 'QUESTIONING',
          body,
        },
      },
      token.federationMember,
    );
    if (!created.data) throw new Error(JSON.stringify(created.errors));
    return created.data.createAnnotation.annotation.id;
  }

  beforeAll(async () => {
    app = await startTestApp();
    token = await signInDemoAccounts(app);
    documentId = await openDocument(app, token.moderator, SAMPLE_V1);
    text = await plainTextOf(app, token.federationMember, documentId, 1);
  });
  afterAll(() => app.close());

  it('keeps every answer (who, when, disposition, rationale) and shows the latest as current', async () => {
    const id = await annotate('Quand le guichet ouvre-t-il ?');
    expect((await app.gql(READ, { id }, token.federationMember)).data).toEqual({
      annotation: { status: 'OPEN', answer: null, answers: [] },
    });
    const first = { id, disposition: 'NOTED', rationale: 'À l’étude.' };
    expect(outcome(await app.gql(ANSWER, { input: first }, token.moderator))).toBe('OK');
    app.clock.advance(60_000);
    const second = { id, disposition: 'ACCEPTED', rationale: 'Il ouvre au premier trimestre.', status: 'RESOLVED' };
    expect(outcome(await app.gql(ANSWER, { input: second }, token.admin))).toBe('OK');

    const read = await app.gql<{
      annotation: { status: string; answer: unknown; answers: { answeredAt: string }[] };
    }>(READ, { id }, token.companyMember);
    expect(read.data!.annotation.status).toBe('RESOLVED');
    expect(read.data!.annotation.answer).toEqual({
      disposition: 'ACCEPTED',
      rationale: 'Il ouvre au premier trimestre.',
      status: 'RESOLVED',
      answeredBy: { displayName: expect.any(String) },
    });
    const answers = read.data!.annotation.answers;
    expect(answers.map(({ answeredAt: _answeredAt, ...rest }) => rest)).toEqual([
      {
        disposition: 'NOTED',
        rationale: 'À l’étude.',
        status: 'ANSWERED',
        answeredBy: { displayName: 'Nadia Benali' },
      },
      {
        disposition: 'ACCEPTED',
        rationale: 'Il ouvre au premier trimestre.',
        status: 'RESOLVED',
        answeredBy: { displayName: expect.any(String) },
      },
    ]);
    expect(new Date(answers[1].answeredAt) > new Date(answers[0].answeredAt)).toBe(true);
  });

  it('refuses to leave an answered annotation OPEN, and writes nothing when it does', async () => {
    const id = await annotate('Et les délais ?');
    const refused = await app.gql(
      ANSWER,
      { input: { id, disposition: 'REJECTED', rationale: 'Non.', status: 'OPEN' } },
      token.moderator,
    );
    expect(outcome(refused)).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(refused.errors)).toContain('cannot be OPEN');
    expect((await app.gql(READ, { id }, token.federationMember)).data).toEqual({
      annotation: { status: 'OPEN', answer: null, answers: [] },
    });
    // The database holds the rule too: no path leaves an answered annotation OPEN.
    await app.gql(ANSWER, { input: { id, disposition: 'NOTED', rationale: 'Noté.' } }, token.moderator);
    await expect(app.db.query(`UPDATE annotations SET status = 'OPEN' WHERE id = $1`, [id])).rejects.toThrow(
      /annotations_answered_not_open/,
    );
  });

  it('tells a reporter the outcome of their report once a moderator acts, and nobody else', async () => {
    const kept = await annotate('Remarque vive mais légitime');
    const hidden = await annotate('Remarque injurieuse');
    const report = async (contentId: string, account: Account) => {
      const result = await app.gql<{ reportContent: { report: { id: string; status: string; outcome: null } } }>(
        REPORT,
        { input: { contentType: 'ANNOTATION', contentId, reason: 'ABUSIVE', explanation: 'Ton agressif' } },
        token[account],
      );
      if (!result.data) throw new Error(JSON.stringify(result.errors));
      return result.data.reportContent.report;
    };
    const keptReport = await report(kept, 'companyMember');
    const hiddenReport = await report(hidden, 'companyMember');
    const otherReport = await report(hidden, 'companyRepresentative');
    expect(keptReport).toEqual({ id: expect.any(String), status: 'OPEN', outcome: null, reason: 'ABUSIVE' });

    expect((await app.gql(READ_REPORT, { id: keptReport.id }, token.companyMember)).data).toEqual({
      report: {
        id: keptReport.id,
        contentType: 'ANNOTATION',
        contentId: kept,
        reason: 'ABUSIVE',
        explanation: 'Ton agressif',
        status: 'OPEN',
        outcome: null,
        closedAt: null,
      },
    });
    // Not the author, not another reporter, not even a moderator through this path: NOT_FOUND.
    for (const account of ['federationMember', 'companyRepresentative', 'moderator'] as Account[]) {
      expect(outcome(await app.gql(READ_REPORT, { id: keptReport.id }, token[account]))).toBe('NOT_FOUND');
    }

    for (const [contentId, action] of [
      [kept, 'KEEP'],
      [hidden, 'HIDE'],
    ]) {
      const { rows } = await app.db.query(`SELECT version FROM content_moderation WHERE content_id = $1`, [contentId]);
      const moderated = await app.gql(
        MODERATE,
        { input: { contentType: 'ANNOTATION', contentId, action, reason: 'Examiné', version: rows[0].version } },
        token.moderator,
      );
      expect(outcome(moderated)).toBe('OK');
    }
    const read = async (id: string, account: Account) =>
      (
        await app.gql<{ report: { status: string; outcome: string; closedAt: string } }>(
          READ_REPORT,
          { id },
          token[account],
        )
      ).data!.report;
    expect(await read(keptReport.id, 'companyMember')).toEqual(
      expect.objectContaining({ status: 'CLOSED', outcome: 'KEPT', closedAt: expect.any(String) }),
    );
    expect(await read(hiddenReport.id, 'companyMember')).toEqual(
      expect.objectContaining({ status: 'CLOSED', outcome: 'HIDDEN' }),
    );
    expect(await read(otherReport.id, 'companyRepresentative')).toEqual(
      expect.objectContaining({ status: 'CLOSED', outcome: 'HIDDEN' }),
    );
  });
});
