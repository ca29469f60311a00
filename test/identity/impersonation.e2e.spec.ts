import { ACCOUNTS } from '../support/demo-accounts';
import { TestApp, outcome, startTestApp } from '../support/test-app';

const CREATE = `mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { organization { id name } } }`;
const UPDATE = `mutation($input: UpdateOrganizationInput!) { updateOrganization(input: $input) { organization { name } } }`;
const PROFILE = `mutation($input: UpdateProfileInput!) { updateProfile(input: $input) { user { displayName } } }`;
const FMO = 'Fédération Marocaine de l’Offshoring (exemple)';

/**
 * Names and titles are normalised (NFKC) and carry no invisible or direction-changing characters; organisation
 * names are unique on a folded form (NFKC, case folded, invisible characters removed), so no look-alike of an
 * existing name can be registered.
 */
describe('impersonation through invisible characters', () => {
  let app: TestApp;
  let moderator: string;
  let company: string;
  let member: string;

  async function companyVersion(): Promise<{ id: string; version: number }> {
    return (await app.db.query(`SELECT id, version FROM organizations WHERE ice = '001525487000031'`)).rows[0];
  }

  beforeAll(async () => {
    app = await startTestApp();
    moderator = (await app.signIn(ACCOUNTS.moderator)).accessToken;
    company = (await app.signIn(ACCOUNTS.companyRepresentative)).accessToken;
    member = (await app.signIn(ACCOUNTS.federationMember)).accessToken;
  });
  afterAll(() => app.close());

  it.each([
    ['a zero-width space', `${FMO}\u200b`],
    ['a zero-width space inside', `Fédération Maro\u200bcaine de l’Offshoring (exemple)`],
    ['a word joiner', `${FMO}\u2060`],
    ['a right-to-left override', `\u202e${FMO}`],
    ['a byte-order mark inside', `Fédération\ufeff Marocaine de l’Offshoring (exemple)`],
    ['a Hangul filler', `${FMO} \u3164`],
    ['another case', FMO.toUpperCase()],
    ['full-width letters', FMO.replace('Fédération', 'Ｆéｄéｒａｔｉｏｎ')],
    ['a decomposed accent', FMO.normalize('NFD')],
    ['a joiner inside a word', FMO.replace('Marocaine', 'Maro\u200ccaine')],
    ['doubled spaces', FMO.replace(' ', '  ')],
  ])('refuses a company renaming itself to the federation’s name with %s', async (_case, name) => {
    const { id, version } = await companyVersion();
    const result = await app.gql(UPDATE, { input: { id, version, name } }, company);
    expect(['BAD_USER_INPUT', 'CONFLICT']).toContain(outcome(result));
    expect((await app.db.query(`SELECT name FROM organizations WHERE id = $1`, [id])).rows[0].name).not.toMatch(
      /Offshoring/,
    );
    const created = await app.gql(CREATE, { input: { kind: 'INSTITUTION', name } }, moderator);
    expect(['BAD_USER_INPUT', 'CONFLICT']).toContain(outcome(created));
  });

  it('says CONFLICT for a look-alike made only of visible differences', async () => {
    const created = await app.gql(CREATE, { input: { kind: 'INSTITUTION', name: FMO.toUpperCase() } }, moderator);
    expect(outcome(created)).toBe('CONFLICT');
    expect(created.errors![0].extensions['fields']).toHaveProperty(['name']);
  });

  it('refuses bidi controls and zero-width characters in display names and titles', async () => {
    const version = (await app.db.query(`SELECT version FROM users WHERE email = $1`, [ACCOUNTS.federationMember]))
      .rows[0].version;
    for (const displayName of ['Omar \u202eرمع', '\u2067Omar\u2069', 'Om\u200bar', '\u200fOmar', '\u061cOmar']) {
      const result = await app.gql(PROFILE, { input: { version, displayName } }, member);
      expect([displayName, outcome(result)]).toEqual([displayName, 'BAD_USER_INPUT']);
      expect(result.errors![0].extensions['fields']).toEqual({ displayName: expect.stringMatching(/invisible/) });
    }
    const spaceId = (await app.db.query(`SELECT id FROM spaces WHERE slug = 'espace-ministere'`)).rows[0].id;
    const thread = await app.gql(
      `mutation($input: CreateThreadInput!) { createThread(input: $input) { thread { id } } }`,
      { input: { spaceId, title: 'Avis \u202egnp.exe', body: 'Corps' } },
      moderator,
    );
    expect(outcome(thread)).toBe('BAD_USER_INPUT');
    const document = await app.gql(
      `mutation($input: CreateDocumentInput!) { createDocument(input: $input) { document { id } } }`,
      { input: { kind: 'CIRCULAR', reference: 'Ref\u200b 1', title: 'Titre', language: 'fr' } },
      moderator,
    );
    expect(outcome(document)).toBe('BAD_USER_INPUT');
  });

  it('keeps Arabic with a zero-width non-joiner inside a word, emoji sequences, and stores names normalised', async () => {
    const version = (await app.db.query(`SELECT version FROM users WHERE email = $1`, [ACCOUNTS.federationMember]))
      .rows[0].version;
    const arabic = 'عمر می\u200cخواهد 👩‍💻 🇲🇦';
    const kept = await app.gql<{ updateProfile: { user: { displayName: string } } }>(
      PROFILE,
      { input: { version, displayName: arabic } },
      member,
    );
    expect(outcome(kept)).toBe('OK');
    expect(kept.data!.updateProfile.user.displayName).toBe(arabic);

    const created = await app.gql<{ createOrganization: { organization: { name: string } } }>(
      CREATE,
      { input: { kind: 'INSTITUTION', name: 'Ｉｎｓｔｉｔｕｔ ﬁnancier' } },
      moderator,
    );
    expect(outcome(created)).toBe('OK');
    expect(created.data!.createOrganization.organization.name).toBe('Institut financier');
  });
});
