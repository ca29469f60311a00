import { ACCOUNTS, sampleOrganizationIds, signInDemoAccounts } from '../support/demo-accounts';
import { GraphQLResponse, TestApp, outcome, startTestApp } from '../support/test-app';

type Account = keyof typeof ACCOUNTS;
const HOUR = 3600_000;

const JOIN = `mutation($input: JoinConsultationInput!) { joinConsultation(input: $input) { contribution { version } } }`;
const SAVE = `mutation($input: SaveContributionInput!) { saveContribution(input: $input) { contribution { version status } } }`;
const SUBMIT = `mutation($input: JoinConsultationInput!) { submitContribution(input: $input) { receipt { trackingNumber } contribution { version } } }`;
const MEMBERS = `query($c: ID!, $f: ID!, $first: Int, $after: String) {
  federationMemberContributions(consultationId: $c, federationId: $f, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { id status consent trackingNumber organization { id name } answers { questionId text choices scale } } }
  } }`;

interface Node {
  id: string;
  status: string;
  consent: string;
  trackingNumber: string;
  organization: { id: string; name: string } | null;
  answers: { questionId: string; text: string | null; choices: string[] | null; scale: number | null }[];
}
type Members = {
  federationMemberContributions: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: { node: Node }[];
  };
};

/**
 * A federation consolidates its position from what its member companies submitted: its people read each affiliated
 * company's latest submission (never a draft, never anything CONFIDENTIAL); everyone else gets NOT_FOUND.
 */
describe('consultations: a federation reads its member companies’ contributions', () => {
  let app: TestApp;
  let token: Record<Account, string>;
  let org: Record<string, string>;
  let consultationId = '';
  let questions: { id: string; position: number }[] = [];

  const gql = <T = Members>(query: string, variables: Record<string, unknown>, as?: Account) =>
    app.gql<T>(query, variables, as ? token[as] : undefined);
  const members = (federationId: string, as: Account | undefined, page: { first?: number; after?: string } = {}) =>
    gql(MEMBERS, { c: consultationId, f: federationId, ...page }, as);
  const ok = <T>(response: GraphQLResponse<T>): T => {
    if (response.errors) throw new Error(JSON.stringify(response.errors));
    return response.data!;
  };
  /** A company joins, saves its answers with a consent, and (optionally) submits; returns its version. */
  async function contribute(company: string, text: string, consent: string, submit: boolean): Promise<number> {
    const input = { consultationId, organizationId: org[company] };
    ok(await gql(JOIN, { input }, 'companyRepresentative'));
    const saved = ok(
      await gql<{ saveContribution: { contribution: { version: number } } }>(
        SAVE,
        {
          input: {
            ...input,
            version: 1,
            consent,
            answers: [
              { questionId: questions[0].id, text },
              { questionId: questions[1].id, choices: ['non'] },
            ],
          },
        },
        'companyRepresentative',
      ),
    );
    if (!submit) return saved.saveContribution.contribution.version;
    const submitted = ok(
      await gql<{ submitContribution: { contribution: { version: number } } }>(
        SUBMIT,
        { input },
        'companyRepresentative',
      ),
    );
    return submitted.submitContribution.contribution.version;
  }

  beforeAll(async () => {
    app = await startTestApp();
    org = await sampleOrganizationIds(app);
    // Atlas's representative also speaks for Anfa, Souss and Bouregreg; ADI's representative is a member of FSNI.
    const user = async (account: Account) =>
      (await app.db.query(`SELECT id FROM users WHERE email = $1`, [ACCOUNTS[account]])).rows[0].id as string;
    const representative = await user('companyRepresentative');
    for (const company of ['Anfa', 'Souss', 'Bouregreg'])
      await app.db.query(`INSERT INTO memberships (user_id, organization_id, role) VALUES ($1, $2, 'REPRESENTATIVE')`, [
        representative,
        org[company],
      ]);
    await app.db.query(`INSERT INTO memberships (user_id, organization_id, role) VALUES ($1, $2, 'MEMBER')`, [
      await user('otherRepresentative'),
      org['FSNI'],
    ]);
    token = await signInDemoAccounts(app);

    const now = app.clock.now().getTime();
    const created = ok(
      await gql<{
        createConsultation: { consultation: { id: string; questions: { id: string; position: number }[] } };
      }>(
        `mutation($input: CreateConsultationInput!) { createConsultation(input: $input) { consultation { id questions { id position } } } }`,
        {
          input: {
            title: 'Consultation des fédérations et de leurs membres (exemple)',
            opensAt: new Date(now + HOUR),
            closesAt: new Date(now + 48 * HOUR),
            eligibleKinds: ['FEDERATION', 'COMPANY'],
            questions: [
              { kind: 'TEXT', prompt: 'Votre avis', required: true },
              { kind: 'SINGLE_CHOICE', prompt: 'Le plafond suffit-il ?', options: ['oui', 'non'] },
            ],
          },
        },
        'moderator',
      ),
    );
    consultationId = created.createConsultation.consultation.id;
    questions = created.createConsultation.consultation.questions;
    for (const mutation of ['publishConsultation', 'openConsultationNow'])
      ok(
        await gql(
          `mutation($input: ConsultationIdInput!) { ${mutation}(input: $input) { consultation { id } } }`,
          {
            input: { id: consultationId },
          },
          'moderator',
        ),
      );
    ok(await gql(JOIN, { input: { consultationId, organizationId: org['FMO'] } }, 'federationRepresentative'));
  });
  afterAll(() => app.close());

  it('shows each affiliated company’s latest submission, never its draft, by company name', async () => {
    const atlasVersion = await contribute('Atlas', 'Atlas : le plafond est trop bas.', 'PUBLIC_NAMED', true);
    await contribute('Souss', 'Souss : d’accord avec le texte.', 'PUBLIC_ANONYMOUS', true);
    await contribute('Anfa', 'Anfa : brouillon interne.', 'PUBLIC_NAMED', false); // a draft: not shared
    await contribute('Bouregreg', 'Bouregreg : membre de l’ARC seulement.', 'PUBLIC_NAMED', true); // not affiliated

    // Atlas edits its draft after submitting: its federation still reads what was submitted.
    ok(
      await gql(
        SAVE,
        {
          input: {
            consultationId,
            organizationId: org['Atlas'],
            version: atlasVersion,
            answers: [{ questionId: questions[0].id, text: 'Atlas : brouillon révisé, pas encore soumis.' }],
          },
        },
        'companyRepresentative',
      ),
    );

    for (const account of ['federationRepresentative', 'federationMember'] as const) {
      const read = ok(await members(org['FMO'], account)).federationMemberContributions;
      expect(read.totalCount).toBe(2);
      expect(read.edges.map(({ node }) => [node.organization?.name, node.status, node.consent])).toEqual([
        ['Atlas Relation Client SARL (exemple)', 'CHANGED_SINCE_SUBMITTED', 'PUBLIC_NAMED'],
        ['Souss Contact Center (exemple)', 'SUBMITTED', 'PUBLIC_ANONYMOUS'],
      ]);
      expect(read.edges[0].node.answers).toEqual([
        { questionId: questions[0].id, text: 'Atlas : le plafond est trop bas.', choices: null, scale: null },
        { questionId: questions[1].id, text: null, choices: ['non'], scale: null },
      ]);
      expect(read.edges[0].node.trackingNumber).toMatch(/^MJ-\d{8}-/);
    }
  });

  it('pages by company name at a constant number of SQL statements', async () => {
    const first = await members(org['FMO'], 'federationMember', { first: 1 });
    const page = ok(first).federationMemberContributions;
    expect(page.edges.map(({ node }) => node.organization?.name)).toEqual(['Atlas Relation Client SARL (exemple)']);
    expect(page.pageInfo.hasNextPage).toBe(true);
    const second = ok(
      await members(org['FMO'], 'federationMember', { first: 1, after: page.pageInfo.endCursor! }),
    ).federationMemberContributions;
    expect(second.edges.map(({ node }) => node.organization?.name)).toEqual(['Souss Contact Center (exemple)']);
    expect(second.pageInfo.hasNextPage).toBe(false);

    const statements = (response: GraphQLResponse<unknown>) => Number(response.headers.get('x-sql-statements'));
    const one = statements(first);
    const both = await members(org['FMO'], 'federationMember', { first: 10 });
    expect(ok(both).federationMemberContributions.edges).toHaveLength(2);
    expect(one).toBeGreaterThan(0);
    expect(statements(both)).toBe(one);
  });

  it('withdraws a contribution the company turns CONFIDENTIAL, and never shows one submitted as such', async () => {
    const souss = ok(
      await gql<{ contribution: { version: number } }>(
        `query($c: ID!, $o: ID!) { contribution(consultationId: $c, organizationId: $o) { version } }`,
        { c: consultationId, o: org['Souss'] },
        'companyRepresentative',
      ),
    ).contribution.version;
    ok(
      await gql(
        SAVE,
        { input: { consultationId, organizationId: org['Souss'], version: souss, consent: 'CONFIDENTIAL' } },
        'companyRepresentative',
      ),
    );
    const anfaVersion = (
      await app.db.query(`SELECT version FROM contributions WHERE organization_id = $1 AND consultation_id = $2`, [
        org['Anfa'],
        consultationId,
      ])
    ).rows[0].version;
    ok(
      await gql(
        SAVE,
        { input: { consultationId, organizationId: org['Anfa'], version: anfaVersion, consent: 'CONFIDENTIAL' } },
        'companyRepresentative',
      ),
    );
    ok(await gql(SUBMIT, { input: { consultationId, organizationId: org['Anfa'] } }, 'companyRepresentative'));

    const read = ok(await members(org['FMO'], 'federationRepresentative')).federationMemberContributions;
    expect(read.totalCount).toBe(1);
    expect(read.edges.map(({ node }) => node.organization?.name)).toEqual(['Atlas Relation Client SARL (exemple)']);
  });

  it('answers NOT_FOUND to anyone outside the federation, and UNAUTHENTICATED without a session', async () => {
    // A company's people (even of an affiliated company), staff, and a non-affiliated federation's people.
    for (const account of [
      'companyRepresentative',
      'companyMember',
      'moderator',
      'admin',
      'otherRepresentative',
    ] as const)
      expect(outcome(await members(org['FMO'], account))).toBe('NOT_FOUND');
    // Asking as one's own company: it is not a federation.
    expect(outcome(await members(org['Atlas'], 'companyRepresentative'))).toBe('NOT_FOUND');
    expect(outcome(await members(org['FMO'], undefined))).toBe('UNAUTHENTICATED');
    // FSNI's people see their own members only (Anfa's is CONFIDENTIAL): nothing of FMO's companies.
    const fsni = ok(await members(org['FSNI'], 'otherRepresentative')).federationMemberContributions;
    expect(fsni).toEqual(expect.objectContaining({ totalCount: 0, edges: [] }));
    // An unknown consultation is NOT_FOUND too.
    expect(
      outcome(
        await gql(MEMBERS, { c: '00000000-0000-4000-8000-000000000000', f: org['FMO'] }, 'federationRepresentative'),
      ),
    ).toBe('NOT_FOUND');
  });

  it('names the company behind each remark on the federation’s draft', async () => {
    ok(
      await gql(
        `mutation($input: AddContributionRemarkInput!) { addContributionRemark(input: $input) { remark { id } } }`,
        {
          input: {
            consultationId,
            federationId: org['FMO'],
            organizationId: org['Atlas'],
            body: 'Voir notre réponse.',
          },
        },
        'companyMember',
      ),
    );
    const read = ok(
      await gql<{ contribution: { remarksFromMembers: unknown[] } }>(
        `query($c: ID!, $o: ID!) { contribution(consultationId: $c, organizationId: $o) { remarksFromMembers { body organization { name } author { displayName } } } }`,
        { c: consultationId, o: org['FMO'] },
        'federationMember',
      ),
    );
    expect(read.contribution.remarksFromMembers).toEqual([
      {
        body: 'Voir notre réponse.',
        organization: { name: 'Atlas Relation Client SARL (exemple)' },
        author: { displayName: expect.any(String) },
      },
    ]);
  });
});
