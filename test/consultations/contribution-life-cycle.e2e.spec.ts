import { parse } from 'csv-parse/sync';
import { joinConsultation, openConsultation as openForEveryone } from '../support/consultations';
import { ACCOUNTS, sampleOrganizationIds, signInDemoAccounts } from '../support/demo-accounts';
import { TestApp, outcome, startTestApp } from '../support/test-app';

/**
 * The contribution life cycle as a company sees it (issue 14, item 6): its representative and a member edit the
 * draft together, submit, edit again, submit after the deadline; everyone reads the consultation, its documents and
 * (once published) its results; the ministry exports a CSV that says what it left out.
 */
type Account = keyof typeof ACCOUNTS;
const HOUR = 3600_000;

const CREATE = `mutation($input: CreateConsultationInput!) { createConsultation(input: $input) { consultation { id } } }`;
const CONTRIBUTION_FIELDS = `id version status answers { questionId text choices scale } latestReceipt { trackingNumber digest }`;
const SAVE = `mutation($input: SaveContributionInput!) { saveContribution(input: $input) { contribution { ${CONTRIBUTION_FIELDS} } } }`;
const SUBMIT = `mutation($input: JoinConsultationInput!) { submitContribution(input: $input) {
  receipt { trackingNumber submittedAt digest } alreadyReceived consultationState consultationClosed
  contribution { ${CONTRIBUTION_FIELDS} } } }`;
const READ = `query($c: ID!, $o: ID!) { contribution(consultationId: $c, organizationId: $o) { ${CONTRIBUTION_FIELDS} } }`;
const VERIFY = `query($t: String!, $d: String!) { verifyReceipt(trackingNumber: $t, digest: $d) { valid latest } }`;

interface Answer {
  questionId: string;
  text: string | null;
  choices: string[] | null;
  scale: number | null;
}
interface ContributionView {
  id: string;
  version: number;
  status: string;
  answers: Answer[];
  latestReceipt: { trackingNumber: string; digest: string } | null;
}
interface Submitted {
  receipt: { trackingNumber: string; submittedAt: string; digest: string };
  alreadyReceived: boolean;
  consultationState: string;
  consultationClosed: boolean;
  contribution: ContributionView;
}

describe('the contribution life cycle, from a company’s side', () => {
  let app: TestApp;
  let token: Record<Account, string>;
  let org: Record<string, string>;

  beforeAll(async () => {
    app = await startTestApp();
    token = await signInDemoAccounts(app);
    org = await sampleOrganizationIds(app);
  });
  afterEach(() => app.clock.unfreeze());
  afterAll(() => app.close());

  /** An open consultation for companies and federations, published, that Atlas (the company) has joined. */
  /** An open consultation for companies and federations, published, that Atlas (the company) has joined. */
  const openConsultation = (extra: Record<string, unknown> = {}, questions?: Record<string, unknown>[]) =>
    openForEveryone(app, token.moderator, {
      title: 'Consultation sur la formation initiale (exemple)',
      closesAt: new Date(app.clock.now().getTime() + 24 * HOUR),
      eligibleKinds: ['COMPANY', 'FEDERATION'],
      questions: questions ?? [
        { kind: 'TEXT', prompt: 'Votre avis', required: true },
        { kind: 'SINGLE_CHOICE', prompt: 'Le plafond est-il adapté ?', options: ['Adapté', 'Insuffisant'] },
        { kind: 'MULTI_CHOICE', prompt: 'Métiers', options: ['CRM', 'BPO', 'ITO'] },
        { kind: 'SCALE', prompt: 'Clarté' },
      ],
      ...extra,
    });
  const join = (consultationId: string, who: Account = 'companyRepresentative', organization = 'Atlas') =>
    joinConsultation(app, token[who], consultationId, org[organization]);

  const save = (consultationId: string, version: number, answers: unknown[], who: Account = 'companyMember') =>
    app.gql<{ saveContribution: { contribution: ContributionView } }>(
      SAVE,
      { input: { consultationId, organizationId: org['Atlas'], version, answers } },
      token[who],
    );
  const submit = (consultationId: string, who: Account = 'companyRepresentative') =>
    app.gql<{ submitContribution: Submitted }>(
      SUBMIT,
      { input: { consultationId, organizationId: org['Atlas'] } },
      token[who],
    );
  const close = (id: string) =>
    app.gql(
      `mutation($input: CloseConsultationInput!) { closeConsultation(input: $input) { consultation { state } } }`,
      { input: { id } },
      token.moderator,
    );

  it('returns the new version with the receipt, so the next save after a submission succeeds', async () => {
    const { id, questions } = await openConsultation();
    const draft = await join(id);
    const saved = await save(id, draft.version, [{ questionId: questions[0].id, text: 'Nous soutenons le texte.' }]);
    expect(outcome(saved)).toBe('OK');
    const submitted = await submit(id);
    expect(outcome(submitted)).toBe('OK');
    const { contribution, receipt, alreadyReceived } = submitted.data!.submitContribution;
    expect(alreadyReceived).toBe(false);
    expect(contribution.version).toBeGreaterThan(saved.data!.saveContribution.contribution.version);
    expect(contribution.status).toBe('SUBMITTED');
    expect(contribution.latestReceipt).toEqual({ trackingNumber: receipt.trackingNumber, digest: receipt.digest });

    // The representative keeps working from what the submission answered: no "changed by someone else".
    const next = await save(
      id,
      contribution.version,
      [{ questionId: questions[0].id, text: 'Nous soutenons le texte, avec une réserve.' }],
      'companyRepresentative',
    );
    expect(outcome(next)).toBe('OK');
    // The version before the submission is stale, as it should be.
    expect(outcome(await save(id, saved.data!.saveContribution.contribution.version, []))).toBe('CONFLICT');
  });

  it('says CHANGED_SINCE_SUBMITTED after an edit that follows a submission, and SUBMITTED again once resubmitted', async () => {
    const { id, questions } = await openConsultation();
    const draft = await join(id);
    expect(draft.status).toBe('DRAFT');
    const first = await save(id, draft.version, [{ questionId: questions[0].id, text: 'Première position.' }]);
    expect(first.data!.saveContribution.contribution.status).toBe('DRAFT');
    const submitted = (await submit(id)).data!.submitContribution;

    const edited = await save(id, submitted.contribution.version, [
      { questionId: questions[0].id, text: 'Position revue par un membre.' },
    ]);
    expect(edited.data!.saveContribution.contribution.status).toBe('CHANGED_SINCE_SUBMITTED');
    // The member sees it too, with the receipt that still counts.
    const read = await app.gql<{ contribution: ContributionView }>(
      READ,
      { c: id, o: org['Atlas'] },
      token.companyMember,
    );
    expect(read.data!.contribution.status).toBe('CHANGED_SINCE_SUBMITTED');
    expect(read.data!.contribution.latestReceipt!.trackingNumber).toBe(submitted.receipt.trackingNumber);

    // Back to exactly what was submitted: it is what the receipt certifies again.
    const reverted = await save(id, edited.data!.saveContribution.contribution.version, [
      { questionId: questions[0].id, text: 'Première position.' },
    ]);
    expect(reverted.data!.saveContribution.contribution.status).toBe('SUBMITTED');
    const edit2 = await save(id, reverted.data!.saveContribution.contribution.version, [
      { questionId: questions[0].id, text: 'Position finale.' },
    ]);
    expect(edit2.data!.saveContribution.contribution.status).toBe('CHANGED_SINCE_SUBMITTED');
    const again = (await submit(id)).data!.submitContribution;
    expect(again.alreadyReceived).toBe(false);
    expect(again.receipt.trackingNumber).not.toBe(submitted.receipt.trackingNumber);
    expect(again.contribution.status).toBe('SUBMITTED');
  });

  it('gives every answer back in the shape it was given, and receipts stay verifiable', async () => {
    const { id, questions } = await openConsultation();
    const draft = await join(id);
    const given = [
      { questionId: questions[0].id, text: 'Avis de la société.' },
      { questionId: questions[1].id, choices: ['Adapté'] },
      { questionId: questions[2].id, choices: ['ITO', 'CRM'] },
      { questionId: questions[3].id, scale: 4 },
    ];
    const saved = await save(id, draft.version, given);
    expect(outcome(saved)).toBe('OK');
    const expected = [
      { questionId: questions[0].id, text: 'Avis de la société.', choices: null, scale: null },
      { questionId: questions[1].id, text: null, choices: ['Adapté'], scale: null },
      { questionId: questions[2].id, text: null, choices: ['ITO', 'CRM'], scale: null },
      { questionId: questions[3].id, text: null, choices: null, scale: 4 },
    ];
    expect(saved.data!.saveContribution.contribution.answers).toEqual(expected);
    const read = await app.gql<{ contribution: ContributionView }>(
      READ,
      { c: id, o: org['Atlas'] },
      token.companyMember,
    );
    expect(read.data!.contribution.answers).toEqual(expected);

    // An answer in a field that does not fit the question is refused, not silently dropped.
    const version = saved.data!.saveContribution.contribution.version;
    const wrong = await save(id, version, [{ questionId: questions[1].id, text: 'Adapté' }]);
    expect(outcome(wrong)).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(wrong.errors)).toContain('answers.2');
    expect(
      outcome(await save(id, version, [{ questionId: questions[1].id, choices: ['Adapté', 'Insuffisant'] }])),
    ).toBe('BAD_USER_INPUT');

    // What a receipt certifies is unchanged by the new reading: the single choice is still digested as its option.
    const { receipt } = (await submit(id)).data!.submitContribution;
    const [{ canonical }] = (
      await app.db.query(`SELECT canonical FROM contribution_submissions WHERE tracking_number = $1`, [
        receipt.trackingNumber,
      ])
    ).rows;
    expect(JSON.parse(canonical).answers[1]).toEqual({ position: 2, answer: 'Adapté' });
    const check = await app.gql<{ verifyReceipt: { valid: boolean; latest: boolean } }>(VERIFY, {
      t: receipt.trackingNumber,
      d: receipt.digest,
    });
    expect(check.data!.verifyReceipt).toEqual({ valid: true, latest: true });
  });

  it('on a closed consultation, returns the earlier receipt and says so; anything new is refused', async () => {
    const { id, questions } = await openConsultation();
    const draft = await join(id);
    await save(id, draft.version, [{ questionId: questions[0].id, text: 'Notre position.' }]);
    const first = (await submit(id)).data!.submitContribution;
    expect(first).toMatchObject({ alreadyReceived: false, consultationState: 'OPEN', consultationClosed: false });

    // A retry while open: the same receipt, marked as already received.
    const retry = (await submit(id)).data!.submitContribution;
    expect(retry).toMatchObject({ alreadyReceived: true, consultationClosed: false });
    expect(retry.receipt).toEqual(first.receipt);

    expect(outcome(await close(id))).toBe('OK');
    const late = await submit(id);
    expect(outcome(late)).toBe('OK');
    expect(late.data!.submitContribution).toMatchObject({
      alreadyReceived: true,
      consultationState: 'CLOSED',
      consultationClosed: true,
      receipt: first.receipt,
    });
    expect(late.data!.submitContribution.contribution.status).toBe('SUBMITTED');
  });

  it('refuses a new content after the deadline even when the draft changed before it', async () => {
    const { id, questions } = await openConsultation();
    const draft = await join(id);
    await save(id, draft.version, [{ questionId: questions[0].id, text: 'Version soumise.' }]);
    const first = (await submit(id)).data!.submitContribution;
    await save(id, first.contribution.version, [{ questionId: questions[0].id, text: 'Version non soumise.' }]);
    expect(outcome(await close(id))).toBe('OK');
    expect(outcome(await submit(id))).toBe('DEADLINE_PASSED');
    const read = await app.gql<{ contribution: ContributionView }>(
      READ,
      { c: id, o: org['Atlas'] },
      token.companyMember,
    );
    expect(read.data!.contribution.status).toBe('CHANGED_SINCE_SUBMITTED');
    expect(read.data!.contribution.latestReceipt!.trackingNumber).toBe(first.receipt.trackingNumber);
  });

  it('keeps the consultation readable when its results are not: results null, with the reason', async () => {
    const { id } = await openConsultation();
    const query = `query($id: ID!) { consultation(id: $id) { id title state resultsUnavailableReason results { contributions } } }`;
    const member = await app.gql<{
      consultation: { id: string; title: string; resultsUnavailableReason: string | null; results: unknown };
    }>(query, { id }, token.companyMember);
    expect(member.errors).toBeUndefined();
    expect(member.data!.consultation).toMatchObject({
      id,
      title: 'Consultation sur la formation initiale (exemple)',
      state: 'OPEN',
      results: null,
      resultsUnavailableReason: 'NOT_PUBLISHED_YET',
    });
    const moderator = await app.gql<{ consultation: { resultsUnavailableReason: string | null; results: unknown } }>(
      query,
      { id },
      token.moderator,
    );
    expect(moderator.data!.consultation).toMatchObject({
      resultsUnavailableReason: null,
      results: { contributions: 0 },
    });
  });

  it('shows the SCALE range on the question, configurable per question and checked on answers', async () => {
    const { id, questions } = await openConsultation({}, [
      { kind: 'SCALE', prompt: 'Clarté (1 à 5)' },
      { kind: 'SCALE', prompt: 'Probabilité de recommander (0 à 10)', scaleMin: 0, scaleMax: 10 },
    ]);
    expect(questions.map(({ scaleMin, scaleMax }) => [scaleMin, scaleMax])).toEqual([
      [1, 5],
      [0, 10],
    ]);
    const draft = await join(id);
    const tooHigh = await save(id, draft.version, [
      { questionId: questions[0].id, scale: 6 },
      { questionId: questions[1].id, scale: 0 },
    ]);
    expect(outcome(tooHigh)).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(tooHigh.errors)).toContain('from 1 to 5');
    const fine = await save(id, draft.version, [
      { questionId: questions[0].id, scale: 5 },
      { questionId: questions[1].id, scale: 0 },
    ]);
    expect(outcome(fine)).toBe('OK');
    expect(
      outcome(
        await app.gql(
          CREATE,
          {
            input: {
              title: 'Échelle inversée',
              opensAt: new Date(app.clock.now().getTime() + HOUR),
              closesAt: new Date(app.clock.now().getTime() + 2 * HOUR),
              eligibleKinds: ['COMPANY'],
              questions: [
                { kind: 'SCALE', prompt: 'Inversée', scaleMin: 5, scaleMax: 1 },
                { kind: 'TEXT', prompt: 'Texte', scaleMax: 3 },
              ],
            },
          },
          token.moderator,
        ),
      ),
    ).toBe('BAD_USER_INPUT');
    // The live results count every step of the range.
    const results = await app.gql<{ consultation: { results: { questions: { options: { option: string }[] }[] } } }>(
      `query($id: ID!) { consultation(id: $id) { results { questions { options { option } } } } }`,
      { id },
      token.moderator,
    );
    expect(results.data!.consultation.results.questions[1].options.map((option) => option.option)).toEqual([
      '0',
      '1',
      '2',
      '3',
      '4',
      '5',
      '6',
      '7',
      '8',
      '9',
      '10',
    ]);
  });

  it('reads back the linked documents, without the drafts one may not see', async () => {
    const draftDocument = await app.gql<{ createDocument: { document: { id: string } } }>(
      `mutation($input: CreateDocumentInput!) { createDocument(input: $input) { document { id } } }`,
      { input: { kind: 'OTHER', reference: 'Projet 2026/01', title: 'Projet d’arrêté (brouillon)' } },
      token.moderator,
    );
    expect(outcome(draftDocument)).toBe('OK');
    const draftId = draftDocument.data!.createDocument.document.id;
    const [circular] = (await app.db.query(`SELECT id FROM documents WHERE reference = 'Circulaire 15/2025'`)).rows;
    const { id } = await openConsultation({ documentIds: [circular.id, draftId] });
    const query = `query($id: ID!) { consultation(id: $id) { documents { id reference title } } }`;
    const member = await app.gql<{ consultation: { documents: { id: string; reference: string }[] } }>(
      query,
      { id },
      token.companyMember,
    );
    expect(member.data!.consultation.documents.map((document) => document.reference)).toEqual(['Circulaire 15/2025']);
    const moderator = await app.gql<{ consultation: { documents: { id: string }[] } }>(query, { id }, token.moderator);
    expect(moderator.data!.consultation.documents.map((document) => document.id)).toEqual([circular.id, draftId]);
    // A document that does not exist cannot be linked.
    expect(
      outcome(
        await app.gql(
          CREATE,
          {
            input: {
              title: 'Lien cassé',
              opensAt: new Date(app.clock.now().getTime() + HOUR),
              closesAt: new Date(app.clock.now().getTime() + 2 * HOUR),
              eligibleKinds: ['COMPANY'],
              documentIds: ['00000000-0000-4000-8000-000000000000'],
              questions: [{ kind: 'TEXT', prompt: 'Texte' }],
            },
          },
          token.moderator,
        ),
      ),
    ).toBe('BAD_USER_INPUT');
  });

  it('exports a CSV that counts the CONFIDENTIAL contributions it leaves out, still safe from formulas', async () => {
    const { id, questions } = await openConsultation({}, [{ kind: 'TEXT', prompt: 'Votre avis', required: true }]);
    const contribute = async (organization: string, representative: Account, text: string, consent: string) => {
      const draft = await join(id, representative, organization);
      const saved = await app.gql(
        SAVE,
        {
          input: {
            consultationId: id,
            organizationId: org[organization],
            version: draft.version,
            consent,
            answers: [{ questionId: questions[0].id, text }],
          },
        },
        token[representative],
      );
      expect(outcome(saved)).toBe('OK');
      const submitted = await app.gql(
        SUBMIT,
        { input: { consultationId: id, organizationId: org[organization] } },
        token[representative],
      );
      expect(outcome(submitted)).toBe('OK');
    };
    await contribute('Atlas', 'companyRepresentative', '=HYPERLINK("http://example.invalid","clic")', 'PUBLIC_NAMED');
    await contribute('FMO', 'federationRepresentative', 'Chiffres internes, à ne pas publier.', 'CONFIDENTIAL');

    const response = await fetch(`${app.baseUrl}/consultations/${id}/contributions.csv`, {
      headers: { authorization: `Bearer ${token.moderator}` },
    });
    expect(response.status).toBe(200);
    const text = new TextDecoder('utf-8').decode(new Uint8Array(await response.arrayBuffer()));
    // Read as a spreadsheet reads it: the first line says what was left out.
    const lines: string[][] = parse(text, { bom: true, relax_column_count: true });
    expect(lines[0]).toEqual([
      '# Contributions counted: 2 — exported below: 1 — left out: 1 (CONFIDENTIAL: no consent to publication)',
    ]);
    // Read as a program reads it: comments skipped, one row per exported contribution.
    const rows: Record<string, string>[] = parse(text, {
      bom: true,
      columns: true,
      comment: '#',
      comment_no_infix: true,
    });
    expect(rows).toHaveLength(1);
    expect(rows[0]['consent']).toBe('PUBLIC_NAMED');
    expect(rows[0]['Q1 Votre avis']).toBe(`'=HYPERLINK("http://example.invalid","clic")`);
    expect(text).not.toContain('Chiffres internes');
  });
});
