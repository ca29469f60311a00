import { createConsultation } from '../support/consultations';
import { ACCOUNTS, sampleOrganizationIds, signInDemoAccounts } from '../support/demo-accounts';
import { TestApp, outcome, refusal, startTestApp } from '../support/test-app';

/** The input type each lifecycle mutation takes. */
const inputTypeOf = (mutation: string) =>
  ({ extendConsultation: 'ExtendConsultationInput', closeConsultation: 'CloseConsultationInput' })[mutation] ??
  'ConsultationIdInput';

type Account = keyof typeof ACCOUNTS;
const HOUR = 3600_000;

const JOIN = `mutation($input: JoinConsultationInput!) { joinConsultation(input: $input) { contribution { id version status } } }`;
const SAVE = `mutation($input: SaveContributionInput!) { saveContribution(input: $input) { contribution { version answers { questionId text choices scale } } } }`;
const SUBMIT = `mutation($input: JoinConsultationInput!) { submitContribution(input: $input) { receipt { trackingNumber submittedAt digest } } }`;
const STATE = `query($id: ID!) { consultation(id: $id) { state closesAt } }`;

interface Question {
  id: string;
  position: number;
}

describe('consultations: lifecycle by the server clock, eligibility, contributions and receipts', () => {
  let app: TestApp;
  let token: Record<Account, string>;
  let org: Record<string, string>;

  const consultation = (input: Record<string, unknown> = {}) => {
    const now = app.clock.now().getTime();
    return createConsultation(app, token.moderator, {
      title: 'Consultation sur la circulaire (exemple)',
      summary: 'Vos avis sur les trois piliers.',
      opensAt: new Date(now + HOUR),
      closesAt: new Date(now + 48 * HOUR),
      eligibleKinds: ['FEDERATION'],
      invitedOrganizationIds: [org['ADI']],
      questions: [
        { kind: 'TEXT', prompt: 'Votre avis général', required: true, maxLength: 2000 },
        { kind: 'SINGLE_CHOICE', prompt: 'Le plafond est-il suffisant ?', required: true, options: ['oui', 'non'] },
        { kind: 'MULTI_CHOICE', prompt: 'Métiers concernés', options: ['CRM', 'BPO', 'ITO', 'KPO', 'ESO'] },
        { kind: 'SCALE', prompt: 'Clarté du texte (1–5)' },
      ],
      ...input,
    });
  };
  /** The FMO's representative submits the FMO's contribution. */
  const submitForFmo = (consultationId: string) =>
    app.gql<{ submitContribution: { receipt: { trackingNumber: string; submittedAt: string; digest: string } } }>(
      SUBMIT,
      { input: { consultationId, organizationId: org['FMO'] } },
      token.federationRepresentative,
    );
  const act = (mutation: string, id: string, extra: Record<string, unknown> = {}) =>
    app.gql(
      `mutation($input: ${inputTypeOf(mutation)}!) { ${mutation}(input: $input) { consultation { state } } }`,
      { input: { id, ...extra } },
      token.moderator,
    );
  const answersFor = (questions: Question[]) => [
    { questionId: questions[0].id, text: 'La fédération soutient le texte, sous réserve du plafond.' },
    { questionId: questions[1].id, choices: ['non'] },
    { questionId: questions[2].id, choices: ['ESO', 'KPO'] },
    { questionId: questions[3].id, scale: 4 },
  ];

  beforeAll(async () => {
    app = await startTestApp();
    token = await signInDemoAccounts(app);
    org = await sampleOrganizationIds(app);
  });
  afterEach(() => app.clock.unfreeze());
  afterAll(() => app.close());

  it('goes DRAFT → SCHEDULED → OPEN → CLOSED → RESULTS_PUBLISHED, by the clock and the ministry', async () => {
    const { id, questions } = await consultation();
    expect(outcome(await app.gql(STATE, { id }, token.federationRepresentative))).toBe('NOT_FOUND');
    expect(outcome(await act('publishConsultation', id))).toBe('OK');
    expect((await app.gql(STATE, { id }, token.federationRepresentative)).data).toEqual({
      consultation: expect.objectContaining({ state: 'SCHEDULED' }),
    });

    const joined = await app.gql<{ joinConsultation: { contribution: { version: number } } }>(
      JOIN,
      { input: { consultationId: id, organizationId: org['FMO'] } },
      token.federationRepresentative,
    );
    expect(outcome(joined)).toBe('OK');
    const early = await app.gql(
      SAVE,
      { input: { consultationId: id, organizationId: org['FMO'], version: 1, answers: answersFor(questions) } },
      token.federationMember,
    );
    expect(refusal(early)).toBe('DEADLINE_PASSED/CONSULTATION_NOT_OPEN_YET');

    expect(outcome(await act('openConsultationNow', id))).toBe('OK');
    expect(outcome(await act('publishConsultationResults', id))).toBe('CONFLICT');
    const saved = await app.gql(
      SAVE,
      { input: { consultationId: id, organizationId: org['FMO'], version: 1, answers: answersFor(questions) } },
      token.federationMember,
    );
    expect(outcome(saved)).toBe('OK');
    expect(outcome(await submitForFmo(id))).toBe('OK');

    expect(outcome(await act('closeConsultation', id, { reason: 'Objectifs atteints' }))).toBe('OK');
    const closing = await app.db.query(
      `SELECT details FROM audit_events WHERE kind = 'CONSULTATION_DEADLINE_CHANGED' AND subject_id = $1`,
      [id],
    );
    expect(closing.rows).toEqual([
      { details: expect.objectContaining({ reason: 'CLOSED_EARLY', explanation: 'Objectifs atteints' }) },
    ]);
    const tooLong = await act('closeConsultation', id, { reason: 'x'.repeat(501) });
    expect(outcome(tooLong)).not.toBe('OK');
    // After the deadline nothing changes any more; a retry of what was received still gets its receipt back.
    expect(
      outcome(
        await app.gql(
          SAVE,
          {
            input: {
              consultationId: id,
              organizationId: org['FMO'],
              version: 3,
              answers: [{ questionId: questions[3].id, scale: 1 }],
            },
          },
          token.federationRepresentative,
        ),
      ),
    ).toBe('DEADLINE_PASSED');
    const retried = await submitForFmo(id);
    expect(outcome(retried)).toBe('OK');
    expect(
      (
        await app.db.query(
          'SELECT count(*)::int AS n FROM contribution_submissions s JOIN contributions c ON c.id = s.contribution_id WHERE c.consultation_id = $1',
          [id],
        )
      ).rows[0].n,
    ).toBe(1);
    expect(outcome(await act('publishConsultationResults', id))).toBe('OK');
    expect((await app.gql(STATE, { id }, token.companyMember)).data).toEqual({
      consultation: expect.objectContaining({ state: 'RESULTS_PUBLISHED' }),
    });
    expect(outcome(await act('publishConsultation', id))).toBe('CONFLICT');
  });

  it('accepts a submission at closesAt − 1 ms, refuses it at closesAt, and re-opens on extension (logged)', async () => {
    const { id, questions } = await consultation();
    await act('publishConsultation', id);
    await act('openConsultationNow', id);
    await app.gql(JOIN, { input: { consultationId: id, organizationId: org['FMO'] } }, token.federationRepresentative);
    await app.gql(
      SAVE,
      { input: { consultationId: id, organizationId: org['FMO'], version: 1, answers: answersFor(questions) } },
      token.federationRepresentative,
    );
    const closesAt = new Date(
      (await app.db.query('SELECT closes_at FROM consultations WHERE id = $1', [id])).rows[0].closes_at,
    );

    app.clock.freeze(new Date(closesAt.getTime() - 1));
    const inTime = await submitForFmo(id);
    expect(inTime.data!.submitContribution.receipt.submittedAt).toBe(new Date(closesAt.getTime() - 1).toISOString());
    const { rows } = await app.db.query('SELECT version FROM contributions WHERE consultation_id = $1', [id]);
    expect(
      outcome(
        await app.gql(
          SAVE,
          {
            input: {
              consultationId: id,
              organizationId: org['FMO'],
              version: rows[0].version,
              answers: [{ questionId: questions[3].id, scale: 2 }],
            },
          },
          token.federationRepresentative,
        ),
      ),
    ).toBe('OK');
    app.clock.freeze(closesAt);
    const late = await submitForFmo(id);
    expect(refusal(late)).toBe('DEADLINE_PASSED/CONSULTATION_CLOSED');
    expect((await app.gql(STATE, { id }, token.federationRepresentative)).data).toEqual({
      consultation: expect.objectContaining({ state: 'CLOSED' }),
    });

    const extended = await act('extendConsultation', id, {
      closesAt: new Date(closesAt.getTime() + 24 * HOUR),
      reason: 'Demande des fédérations',
    });
    expect(outcome(extended)).toBe('OK');
    expect((await app.gql(STATE, { id }, token.federationRepresentative)).data).toEqual({
      consultation: expect.objectContaining({ state: 'OPEN' }),
    });
    expect(outcome(await submitForFmo(id))).toBe('OK');
    const logged = (
      await app.db.query(
        `SELECT details FROM audit_events WHERE kind = 'CONSULTATION_DEADLINE_CHANGED' AND subject_id = $1`,
        [id],
      )
    ).rows;
    expect(logged).toEqual([
      {
        details: {
          from: closesAt.toISOString(),
          to: new Date(closesAt.getTime() + 24 * HOUR).toISOString(),
          reason: 'Demande des fédérations',
        },
      },
    ]);
  });

  it.each<[Account, string, string]>([
    ['federationRepresentative', 'FMO', 'OK'],
    ['otherRepresentative', 'ADI', 'OK'], // an institution, invited
    ['companyRepresentative', 'Atlas', 'FORBIDDEN'], // companies are not among the eligible kinds
    ['federationMember', 'FMO', 'FORBIDDEN'], // not a representative
  ])('join as %s for %s → %s', async (who, organization, expected) => {
    const { id } = await consultation();
    await act('publishConsultation', id);
    expect(
      outcome(await app.gql(JOIN, { input: { consultationId: id, organizationId: org[organization] } }, token[who])),
    ).toBe(expected);
  });

  it('validates required answers, refuses non-representatives, detects concurrent edits, and issues receipts that verify', async () => {
    const { id, questions } = await consultation();
    await act('publishConsultation', id);
    await act('openConsultationNow', id);
    await app.gql(JOIN, { input: { consultationId: id, organizationId: org['FMO'] } }, token.federationRepresentative);
    const input = { consultationId: id, organizationId: org['FMO'] };

    const incomplete = await app.gql(SUBMIT, { input }, token.federationRepresentative);
    expect(outcome(incomplete)).toBe('BAD_USER_INPUT');
    expect(incomplete.errors![0].extensions['fields']).toEqual({
      'answers.1': 'is required',
      'answers.2': 'is required',
    });
    const invalid = await app.gql(
      SAVE,
      {
        input: {
          ...input,
          version: 1,
          answers: [
            { questionId: questions[1].id, choices: ['peut-être'] },
            { questionId: questions[3].id, scale: 9 },
          ],
        },
      },
      token.federationMember,
    );
    expect(invalid.errors![0].extensions['fields']).toEqual({
      'answers.2': 'must be one of the options',
      'answers.4': 'must be a whole number from 1 to 5',
    });

    const racing = await Promise.all(
      (['federationMember', 'federationRepresentative'] as const).map((who) =>
        app.gql(SAVE, { input: { ...input, version: 1, answers: answersFor(questions) } }, token[who]),
      ),
    );
    expect(racing.map(outcome).sort()).toEqual(['CONFLICT', 'OK']);

    expect(outcome(await app.gql(SUBMIT, { input }, token.federationMember))).toBe('FORBIDDEN');
    const [first, again] = [
      await app.gql<{ submitContribution: { receipt: { trackingNumber: string; digest: string } } }>(
        SUBMIT,
        { input },
        token.federationRepresentative,
      ),
      await app.gql<{ submitContribution: { receipt: { trackingNumber: string; digest: string } } }>(
        SUBMIT,
        { input },
        token.federationRepresentative,
      ),
    ];
    expect(again.data!.submitContribution.receipt).toEqual(first.data!.submitContribution.receipt);
    expect(
      (await app.db.query('SELECT count(*)::int AS n FROM contribution_submissions')).rows[0].n,
    ).toBeGreaterThanOrEqual(1);

    const receipt = first.data!.submitContribution.receipt;
    const verify = `query($t: String!, $d: String!) { verifyReceipt(trackingNumber: $t, digest: $d) { valid latest } }`;
    expect((await app.gql(verify, { t: receipt.trackingNumber, d: receipt.digest })).data).toEqual({
      verifyReceipt: { valid: true, latest: true },
    });
    expect(
      (
        await app.gql(verify, {
          t: receipt.trackingNumber,
          d: receipt.digest.replace(/^./, (c) => (c === '0' ? '1' : '0')),
        })
      ).data,
    ).toEqual({ verifyReceipt: { valid: false, latest: false } });

    const { rows } = await app.db.query(
      'SELECT version FROM contributions WHERE consultation_id = $1 AND organization_id = $2',
      [id, org['FMO']],
    );
    await app.gql(
      SAVE,
      { input: { ...input, version: rows[0].version, answers: [{ questionId: questions[3].id, scale: 5 }] } },
      token.federationMember,
    );
    const amended = await app.gql<{ submitContribution: { receipt: { trackingNumber: string; digest: string } } }>(
      SUBMIT,
      { input },
      token.federationRepresentative,
    );
    expect(amended.data!.submitContribution.receipt.digest).not.toBe(receipt.digest);
    expect((await app.gql(verify, { t: receipt.trackingNumber, d: receipt.digest })).data).toEqual({
      verifyReceipt: { valid: true, latest: false },
    });

    const read = await app.gql<{ contribution: { status: string; latestReceipt: { digest: string } } }>(
      `query($c: ID!, $o: ID!) { contribution(consultationId: $c, organizationId: $o) { status latestReceipt { digest } } }`,
      { c: id, o: org['FMO'] },
      token.federationMember,
    );
    expect(read.data!.contribution).toEqual({
      status: 'SUBMITTED',
      latestReceipt: { digest: amended.data!.submitContribution.receipt.digest },
    });
    expect(
      outcome(
        await app.gql(
          `query($c: ID!, $o: ID!) { contribution(consultationId: $c, organizationId: $o) { status } }`,
          { c: id, o: org['FMO'] },
          token.companyRepresentative,
        ),
      ),
    ).toBe('NOT_FOUND');
  });

  it('lets member companies add remarks to their federation’s draft, and lists them as contributors', async () => {
    const { id, questions } = await consultation();
    await act('publishConsultation', id);
    await act('openConsultationNow', id);
    const input = { consultationId: id, organizationId: org['FMO'] };
    await app.gql(JOIN, { input }, token.federationRepresentative);
    await app.gql(
      SAVE,
      { input: { ...input, version: 1, answers: answersFor(questions) } },
      token.federationRepresentative,
    );
    const remark = `mutation($input: AddContributionRemarkInput!) { addContributionRemark(input: $input) { remark { body } } }`;
    const detroit = (await app.db.query(`SELECT id FROM organizations WHERE name LIKE 'Détroit%'`)).rows[0].id;
    expect(
      outcome(
        await app.gql(
          remark,
          {
            input: {
              consultationId: id,
              federationId: org['FMO'],
              organizationId: org['Atlas'],
              body: 'Nos coûts de formation ESO sont 25 % plus élevés.',
            },
          },
          token.companyMember,
        ),
      ),
    ).toBe('OK');
    expect(
      outcome(
        await app.gql(
          remark,
          { input: { consultationId: id, federationId: org['FMO'], organizationId: detroit, body: 'x' } },
          token.companyMember,
        ),
      ),
    ).toBe('FORBIDDEN');
    expect(
      outcome(
        await app.gql(
          remark,
          { input: { consultationId: id, federationId: org['ARC'], organizationId: org['Atlas'], body: 'x' } },
          token.companyMember,
        ),
      ),
    ).toBe('NOT_FOUND');

    const read = `query($c: ID!, $o: ID!) { contribution(consultationId: $c, organizationId: $o) { remarksFromMembers { body } contributors } }`;
    expect((await app.gql(read, { c: id, o: org['FMO'] }, token.federationMember)).data).toEqual({
      contribution: {
        remarksFromMembers: [{ body: 'Nos coûts de formation ESO sont 25 % plus élevés.' }],
        contributors: [],
      },
    });
    await app.gql(SUBMIT, { input }, token.federationRepresentative);
    expect((await app.gql(read, { c: id, o: org['FMO'] }, token.federationMember)).data).toEqual({
      contribution: expect.objectContaining({ contributors: ['Atlas Relation Client SARL (exemple)'] }),
    });
  });

  it('edits a draft (stale version refused), freezes it once published, and announces an extension in its space', async () => {
    const { id } = await consultation();
    const update = `mutation($input: UpdateConsultationInput!) { updateConsultation(input: $input) { consultation { title version questions { prompt } } } }`;
    const edited = await app.gql<{
      updateConsultation: { consultation: { version: number; questions: { prompt: string }[] } };
    }>(
      update,
      {
        input: {
          id,
          version: 1,
          title: 'Titre corrigé',
          questions: [{ kind: 'TEXT', prompt: 'Une seule question', required: true }],
        },
      },
      token.moderator,
    );
    if (!edited.data) throw new Error(JSON.stringify(edited.errors));
    expect(edited.data!.updateConsultation.consultation.questions).toEqual([{ prompt: 'Une seule question' }]);
    expect(outcome(await app.gql(update, { input: { id, version: 1, title: 'Périmé' } }, token.moderator))).toBe(
      'CONFLICT',
    );
    // A draft is the ministry's: to anyone else it does not exist (NOT_FOUND, never a hint that it does).
    expect(
      outcome(await app.gql(update, { input: { id, version: 2, title: 'Pas moi' } }, token.federationRepresentative)),
    ).toBe('NOT_FOUND');
    await act('publishConsultation', id);
    expect(outcome(await app.gql(update, { input: { id, version: 3, title: 'Trop tard' } }, token.moderator))).toBe(
      'CONFLICT',
    );

    await act('openConsultationNow', id);
    const closesAt = new Date(
      (await app.db.query('SELECT closes_at FROM consultations WHERE id = $1', [id])).rows[0].closes_at,
    );
    expect(outcome(await act('extendConsultation', id, { closesAt: new Date(closesAt.getTime() + 24 * HOUR) }))).toBe(
      'OK',
    );
    const space = await app.gql<{
      consultation: { space: { threads: { edges: { node: { title: string; pinned: boolean } }[] } } };
    }>(
      `query($id: ID!) { consultation(id: $id) { space { threads { edges { node { title pinned } } } } } }`,
      { id },
      token.companyMember,
    );
    expect(space.data!.consultation.space.threads.edges[0].node).toEqual({
      title: expect.stringContaining('Délai prolongé'),
      pinned: true,
    });
  });

  it('lets the organisation’s members discuss their draft internally, out of everyone else’s sight', async () => {
    const { id } = await consultation();
    await act('publishConsultation', id);
    const joined = await app.gql<{ joinConsultation: { contribution: { id: string } } }>(
      JOIN,
      { input: { consultationId: id, organizationId: org['FMO'] } },
      token.federationRepresentative,
    );
    const contributionId = joined.data!.joinConsultation.contribution.id;
    const post = (who: Account) =>
      app.gql(
        `mutation($input: PostCommentInput!) { postComment(input: $input) { comment { id } } }`,
        { input: { subjectType: 'CONTRIBUTION', subjectId: contributionId, body: 'Proposition de formulation ?' } },
        token[who],
      );
    expect(outcome(await post('federationMember'))).toBe('OK');
    expect(outcome(await post('companyRepresentative'))).toBe('NOT_FOUND');
    expect(outcome(await post('moderator'))).toBe('NOT_FOUND');
    const read = await app.gql<{ contribution: { comments: { totalCount: number } } }>(
      `query($c: ID!, $o: ID!) { contribution(consultationId: $c, organizationId: $o) { comments { totalCount } } }`,
      { c: id, o: org['FMO'] },
      token.federationRepresentative,
    );
    expect(read.data!.contribution.comments.totalCount).toBe(1);
  });
});
