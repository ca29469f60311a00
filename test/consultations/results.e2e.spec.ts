import { parse } from 'csv-parse/sync';
import { contribute, openConsultation } from '../support/consultations';
import { ACCOUNTS, sampleOrganizationIds, signInDemoAccounts } from '../support/demo-accounts';
import { TestApp, outcome, startTestApp } from '../support/test-app';

type Account = keyof typeof ACCOUNTS;

const RESULTS = `query($id: ID!) { consultation(id: $id) { results { contributions byKind { kind count }
  questions { question { position } answered options { option count byKind { kind count } } texts { organization consent text } } } } }`;

interface Results {
  contributions: number;
  byKind: { kind: string; count: number }[];
  questions: {
    question: { position: number };
    answered: number;
    options: { option: string; count: number; byKind: { kind: string; count: number }[] }[];
    texts: { organization: string | null; consent: string; text: string }[];
  }[];
}

describe('consultation results, consent, CSV and its discussion space', () => {
  let app: TestApp;
  let token: Record<Account, string>;
  let org: Record<string, string>;
  let id: string;
  const TEXTS: Record<string, string> = {
    FMO: 'Avis de la fédération, "ferme" ; plafond à revoir,\nsur deux lignes.',
    Atlas: 'رأي الشركة: نعم للتبسيط — simplification bienvenue.',
    ADI: 'Secret des affaires : chiffres internes.',
  };

  beforeAll(async () => {
    app = await startTestApp();
    token = await signInDemoAccounts(app);
    org = await sampleOrganizationIds(app);
    const created = await openConsultation(app, token.moderator, {
      title: 'Consultation sur les zones',
      invitedOrganizationIds: [org['ADI']],
      questions: [
        { kind: 'TEXT', prompt: 'Votre avis', required: true },
        { kind: 'SINGLE_CHOICE', prompt: 'Faut-il plus de zones ?', options: ['oui', 'non'], required: true },
        { kind: 'SCALE', prompt: 'Connectivité (1–5)' },
      ],
    });
    id = created.id;
    const questions = created.questions;
    const plans: [Account, string, string, string, number][] = [
      ['federationRepresentative', 'FMO', 'PUBLIC_NAMED', 'oui', 4],
      ['companyRepresentative', 'Atlas', 'PUBLIC_ANONYMOUS', 'oui', 2],
      ['otherRepresentative', 'ADI', 'CONFIDENTIAL', 'non', 5],
    ];
    for (const [who, organization, consent, choice, scale] of plans)
      await contribute(app, token[who], {
        consultationId: id,
        organizationId: org[organization],
        consent,
        answers: [
          { questionId: questions[0].id, text: TEXTS[organization] },
          { questionId: questions[1].id, choices: [choice] },
          { questionId: questions[2].id, scale },
        ],
      });
  });
  afterAll(() => app.close());

  it('hides results from participants until they are published; moderators see them live', async () => {
    // Withheld, not an error: the consultation still answers, with the reason (issue 14).
    const early = await app.gql<{ consultation: { results: Results | null; resultsUnavailableReason: string } }>(
      `query($id: ID!) { consultation(id: $id) { title resultsUnavailableReason results { contributions } } }`,
      { id },
      token.federationRepresentative,
    );
    expect(early.errors).toBeUndefined();
    expect(early.data!.consultation).toMatchObject({ results: null, resultsUnavailableReason: 'NOT_PUBLISHED_YET' });
    const live = await app.gql<{ consultation: { results: Results } }>(RESULTS, { id }, token.moderator);
    expect(live.data!.consultation.results.contributions).toBe(3);
  });

  it('counts choices and scales by organisation kind, and shows text answers per consent', async () => {
    await app.gql(
      `mutation($input: CloseConsultationInput!) { closeConsultation(input: $input) { consultation { id } } }`,
      { input: { id } },
      token.moderator,
    );
    const questionIds = (
      await app.db.query('SELECT id FROM consultation_questions WHERE consultation_id = $1 ORDER BY position', [id])
    ).rows.map((row: { id: string }) => row.id);
    const synthesis = `mutation($input: WriteSynthesisInput!) { writeConsultationSynthesis(input: $input) { consultation { id } } }`;
    const input = {
      id,
      synthesis: 'Nous avons entendu : **plus de zones**.',
      responses: [{ questionId: questionIds[1], response: 'Deux zones nouvelles en 2027.' }],
    };
    expect(outcome(await app.gql(synthesis, { input }, token.federationRepresentative))).toBe('FORBIDDEN');
    expect(outcome(await app.gql(synthesis, { input }, token.moderator))).toBe('OK');
    await app.gql(
      `mutation($input: ConsultationIdInput!) { publishConsultationResults(input: $input) { consultation { state } } }`,
      { input: { id } },
      token.moderator,
    );
    const published = await app.gql<{ consultation: { results: Results } }>(RESULTS, { id }, token.companyMember);
    const results = published.data!.consultation.results;
    const withSynthesis = await app.gql<{
      consultation: { results: { synthesis: string; questions: { ministryResponse: string | null }[] } };
    }>(
      `query($id: ID!) { consultation(id: $id) { results { synthesis questions { ministryResponse } } } }`,
      { id },
      token.companyMember,
    );
    expect(withSynthesis.data!.consultation.results).toEqual({
      synthesis: 'Nous avons entendu : **plus de zones**.',
      questions: [
        { ministryResponse: null },
        { ministryResponse: 'Deux zones nouvelles en 2027.' },
        { ministryResponse: null },
      ],
    });
    // One organisation of each kind: groups under the minimum size (3) are merged, so the split names no kind.
    expect(results.byKind).toEqual([{ kind: 'OTHER', count: 3 }]);
    expect(results.questions[1].options).toEqual([
      { option: 'oui', count: 2, byKind: [{ kind: 'OTHER', count: 2 }] },
      { option: 'non', count: 1, byKind: [{ kind: 'OTHER', count: 1 }] },
    ]);
    expect(results.questions[2].options.map((option) => option.count)).toEqual([0, 1, 0, 1, 1]);
    expect(results.questions[0].texts).toEqual(
      expect.arrayContaining([
        { organization: 'Fédération Marocaine de l’Offshoring (exemple)', consent: 'PUBLIC_NAMED', text: TEXTS['FMO'] },
        { organization: null, consent: 'PUBLIC_ANONYMOUS', text: TEXTS['Atlas'] },
      ]),
    );
    expect(results.questions[0].texts).toHaveLength(2);
    expect(JSON.stringify(published.data)).not.toContain('Secret des affaires');
    const moderator = await app.gql<{ consultation: { results: Results } }>(RESULTS, { id }, token.moderator);
    expect(moderator.data!.consultation.results.questions[0].texts).toContainEqual({
      organization: 'Agence de Développement des Investissements (exemple)',
      consent: 'CONFIDENTIAL',
      text: TEXTS['ADI'],
    });
  });

  it('exports a CSV that spreadsheets open and a CSV parser reads back, respecting consent', async () => {
    const url = `${app.baseUrl}/consultations/${id}/contributions.csv`;
    expect((await fetch(url, { headers: { authorization: `Bearer ${token.federationRepresentative}` } })).status).toBe(
      403,
    );
    const response = await fetch(url, { headers: { authorization: `Bearer ${token.moderator}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows: Record<string, string>[] = parse(new TextDecoder('utf-8').decode(bytes), {
      bom: true,
      columns: true,
      comment: '#', // the first line says how many CONFIDENTIAL contributions were left out
      comment_no_infix: true,
    });
    expect(rows).toHaveLength(2);
    const named = rows.find((row) => row['consent'] === 'PUBLIC_NAMED')!;
    const anonymous = rows.find((row) => row['consent'] === 'PUBLIC_ANONYMOUS')!;
    expect(named['organization']).toBe('Fédération Marocaine de l’Offshoring (exemple)');
    expect(named['Q1 Votre avis']).toBe(TEXTS['FMO']);
    expect(anonymous['organization']).toBe('');
    expect(anonymous['Q1 Votre avis']).toBe(TEXTS['Atlas']);
    expect(anonymous['Q3 Connectivité (1–5)']).toBe('2');
    expect(JSON.stringify(rows)).not.toContain('Secret des affaires');
    expect(
      (await app.db.query(`SELECT count(*)::int AS n FROM audit_events WHERE kind = 'CONSULTATION_RESULTS_EXPORTED'`))
        .rows[0].n,
    ).toBe(1);
  });

  it('gives the consultation a discussion space where participants post and others read', async () => {
    const read = await app.gql<{ consultation: { space: { id: string; visibility: string } } }>(
      `query($id: ID!) { consultation(id: $id) { space { id visibility } } }`,
      { id },
      token.companyMember,
    );
    const space = read.data!.consultation.space;
    expect(space.visibility).toBe('RESTRICTED');
    const post = (who: Account) =>
      app.gql(
        `mutation($input: CreateThreadInput!) { createThread(input: $input) { thread { id } } }`,
        { input: { spaceId: space.id, title: 'Question', body: 'Précision ?' } },
        token[who],
      );
    expect(outcome(await post('federationMember'))).toBe('OK'); // FMO joined: its members take part
    // The administrator's organisation did not join: reads, but does not post.
    expect(outcome(await app.gql(`query($id: ID!) { space(id: $id) { name } }`, { id: space.id }, token.admin))).toBe(
      'OK',
    );
    expect(outcome(await post('admin'))).toBe('FORBIDDEN');
  });
});
