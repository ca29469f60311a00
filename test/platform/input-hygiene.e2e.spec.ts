import { ACCOUNTS } from '../support/demo-accounts';
import { TestApp, outcome, startTestApp } from '../support/test-app';

const NUL = 'a\u0000b';
const LONE_HIGH = 'a\ud800b';
const LONE_LOW = '\udc00';
const UNKNOWN_ID = '7d1c0a8e-7c5a-4b8e-9a55-0b7c1d2e3f40';

/** JSON.stringify escapes a lone surrogate as \udXXX, which JSON.parse turns back into the same lone surrogate. */
const cursor = (key: unknown) => Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');

/** Text that PostgreSQL cannot store (NUL) or that is not Unicode (lone surrogates) is refused before anything runs. */
describe('input hygiene: NUL bytes, lone surrogates, forged cursors, malformed REST parameters', () => {
  let app: TestApp;
  let representative: string;
  let moderator: string;
  let consultationId: string;
  let fmo: string;
  let questionId: string;
  let spaceId: string;

  beforeAll(async () => {
    app = await startTestApp();
    representative = (await app.signIn(ACCOUNTS.federationRepresentative)).accessToken;
    moderator = (await app.signIn(ACCOUNTS.moderator)).accessToken;
    fmo = (await app.db.query(`SELECT id FROM organizations WHERE acronym = 'FMO'`)).rows[0].id;
    consultationId = (await app.db.query(`SELECT id FROM consultations LIMIT 1`)).rows[0].id;
    questionId = (
      await app.db.query(`SELECT id FROM consultation_questions WHERE consultation_id = $1 AND kind = 'TEXT' LIMIT 1`, [
        consultationId,
      ])
    ).rows[0].id;
    spaceId = (await app.db.query(`SELECT id FROM spaces WHERE slug = 'espace-ministere'`)).rows[0].id;
  });
  afterAll(() => app.close());

  describe.each([
    ['a NUL byte', NUL],
    ['a lone high surrogate', LONE_HIGH],
    ['a lone low surrogate', LONE_LOW],
  ])('%s', (_name, bad) => {
    it('is refused in the public verifyReceipt, as a variable and as a literal', async () => {
      const asVariable = await app.gql(
        `query($d: String!, $t: String!) { verifyReceipt(digest: $d, trackingNumber: $t) { valid } }`,
        { d: bad, t: 'MJ-1' },
      );
      expect(outcome(asVariable)).toBe('BAD_USER_INPUT');
      expect(asVariable.status).toBe(400);
      expect(asVariable.errors![0].extensions['fields']).toEqual({ d: expect.any(String) });
      const asLiteral = await app.gql(
        `{ verifyReceipt(digest: ${JSON.stringify(bad)}, trackingNumber: "MJ-1") { valid } }`,
      );
      // graphql-js's own parser already refuses an escaped lone surrogate in a literal (GRAPHQL_PARSE_FAILED).
      expect(['BAD_USER_INPUT', 'GRAPHQL_PARSE_FAILED']).toContain(outcome(asLiteral));
      expect(asLiteral.status).toBe(400);
    });

    it('is refused in sign-in, ids, tags and contribution answers', async () => {
      expect(
        outcome(
          await app.gql(`mutation($input: SignInInput!) { signIn(input: $input) { accessToken } }`, {
            input: { email: ACCOUNTS.federationMember, password: bad },
          }),
        ),
      ).toBe('BAD_USER_INPUT');
      expect(outcome(await app.gql(`query($id: ID!) { organization(id: $id) { id } }`, { id: bad }, moderator))).toBe(
        'BAD_USER_INPUT',
      );
      expect(
        outcome(
          await app.gql(
            `mutation($input: CreateThreadInput!) { createThread(input: $input) { thread { id } } }`,
            { input: { spaceId, title: 'Titre', body: 'Corps', tags: ['ok', bad] } },
            moderator,
          ),
        ),
      ).toBe('BAD_USER_INPUT');
      const version = (
        await app.db.query(`SELECT version FROM contributions WHERE consultation_id = $1 AND organization_id = $2`, [
          consultationId,
          fmo,
        ])
      ).rows[0].version;
      const saved = await app.gql(
        `mutation($input: SaveContributionInput!) { saveContribution(input: $input) { contribution { version } } }`,
        { input: { consultationId, organizationId: fmo, version, answers: [{ questionId, text: `Réponse ${bad}` }] } },
        representative,
      );
      expect(outcome(saved)).toBe('BAD_USER_INPUT');
      expect(saved.status).toBe(400);
      expect(saved.errors![0].message).toMatch(/text/i);
    });
  });

  it('keeps well-formed surrogate pairs (emoji) and Arabic', async () => {
    const result = await app.gql<{ verifyReceipt: { valid: boolean } }>(
      `query($d: String!, $t: String!) { verifyReceipt(digest: $d, trackingNumber: $t) { valid } }`,
      { d: 'تحقق 🇲🇦', t: 'MJ-1' },
    );
    expect(outcome(result)).toBe('OK');
  });

  it('answers BAD_USER_INPUT for forged cursors whatever their content', async () => {
    const forged = [
      cursor(['Atlas', 'not-a-uuid']),
      cursor(['Atlas', 12]),
      cursor([`x${NUL}`, UNKNOWN_ID]),
      cursor([{ a: 1 }, UNKNOWN_ID]),
      cursor(['Atlas', UNKNOWN_ID, 'extra']),
      'bm90IGEgY3Vyc29y',
      '%%%',
    ];
    for (const after of forged) {
      const result = await app.gql(
        `query($after: String) { organizations(first: 2, after: $after) { totalCount } }`,
        { after },
        moderator,
      );
      expect([after, outcome(result)]).toEqual([after, 'BAD_USER_INPUT']);
    }
    for (const after of [cursor(['not a date', UNKNOWN_ID]), cursor([1, 'x'])]) {
      const log = await app.gql(
        `query($after: String) { moderationLog(first: 2, after: $after) { totalCount } }`,
        { after },
        moderator,
      );
      expect([after, outcome(log)]).toEqual([after, 'BAD_USER_INPUT']);
      const queue = await app.gql(
        `query($after: String) { moderationQueue(first: 2, after: $after) { totalCount } }`,
        { after },
        moderator,
      );
      expect([after, outcome(queue)]).toEqual([after, 'BAD_USER_INPUT']);
    }
    const annotations = await app.gql(
      `query($after: String) { documents { edges { node { latestVersion { annotations(after: $after) { totalCount } } } } } }`,
      { after: cursor(['twelve', UNKNOWN_ID]) },
      moderator,
    );
    expect(outcome(annotations)).toBe('BAD_USER_INPUT');
  });

  it('answers 400 or 404 for malformed ids on the REST routes, never 500', async () => {
    const headers = { authorization: `Bearer ${moderator}` };
    for (const id of ['nope', encodeURIComponent(NUL), '%E0%A4%A', '%ZZ', encodeURIComponent(UNKNOWN_ID) + '%00']) {
      for (const path of [`/documents/${id}/annotations`, `/consultations/${id}/contributions.csv`]) {
        const response = await fetch(`${app.baseUrl}${path}`, { headers });
        expect([path, [400, 404].includes(response.status)]).toEqual([path, true]);
      }
    }
    const unknown = await fetch(`${app.baseUrl}/documents/${UNKNOWN_ID}/annotations`, { headers });
    expect(unknown.status).toBe(404);
    const noRoute = await fetch(`${app.baseUrl}/no-such-route/${encodeURIComponent(NUL)}`, { headers });
    expect(noRoute.status).toBe(404);
    const personal = await fetch(`${app.baseUrl}/me/personal-data?x=${encodeURIComponent(NUL)}`, { headers });
    expect(personal.status).toBe(200);
  });
});
