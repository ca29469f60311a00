import { w3cModelVerdict } from '../support/w3c-check';
import { ACCOUNTS, signInDemoAccounts } from '../support/demo-accounts';
import { SAMPLE_V1, SAMPLE_V2, openDocument, plainTextOf, publish, targetFor } from '../support/documents';
import { TestApp, startTestApp } from '../support/test-app';

type Account = keyof typeof ACCOUNTS;

interface Selector {
  type: string;
  exact?: string;
  start?: number;
  end?: number;
}
interface Item {
  id: string;
  motivation: string;
  stance?: string;
  creator: { id: string };
  target: { type: string; source: string; selector: Selector[] }[];
  currentVersion: string;
  anchorStatus: string;
  anchorScore: number;
}
interface Collection {
  '@context': string[];
  id: string;
  total: number;
  first: { id: string; items: Item[] };
}

const CREATE = `mutation($input: CreateAnnotationInput!) { createAnnotation(input: $input) { annotation { id } } }`;

/** Every IRI-valued string in a JSON-LD document (ids, sources, contexts), once each. */
function irisIn(value: unknown, base: string, found = new Set<string>()): Set<string> {
  if (typeof value === 'string' && value.startsWith(base)) found.add(value);
  else if (Array.isArray(value)) value.forEach((item) => irisIn(item, base, found));
  else if (value && typeof value === 'object') Object.values(value).forEach((item) => irisIn(item, base, found));
  return found;
}

describe('the W3C export keeps its meaning: stance, the current version, IRIs that dereference', () => {
  let app: TestApp;
  let token: Record<Account, string>;
  let documentId: string;
  const ids = {} as Record<
    'supporting' | 'objecting' | 'moved' | 'fuzzy' | 'orphaned' | 'hidden' | 'organization',
    string
  >;

  const get = (url: string, account: Account | null, accept = 'application/ld+json') =>
    fetch(url, { headers: { accept, ...(account ? { authorization: `Bearer ${token[account]}` } : {}) } });

  async function annotate(
    text: string,
    exact: string,
    motivation: string,
    extra: Record<string, unknown> = {},
    account: Account = 'federationRepresentative',
  ): Promise<string> {
    const result = await app.gql<{ createAnnotation: { annotation: { id: string } } }>(
      CREATE,
      {
        input: { documentId, versionNumber: 1, target: targetFor(text, exact), motivation, body: motivation, ...extra },
      },
      token[account],
    );
    if (!result.data) throw new Error(JSON.stringify(result.errors));
    return result.data.createAnnotation.annotation.id;
  }

  async function exported(): Promise<Collection> {
    const response = await get(`${app.baseUrl}/documents/${documentId}/annotations`, 'companyMember');
    expect(response.status).toBe(200);
    return (await response.json()) as Collection;
  }

  beforeAll(async () => {
    app = await startTestApp();
    token = await signInDemoAccounts(app);
    documentId = await openDocument(app, token.moderator, SAMPLE_V1);
    const v1 = await plainTextOf(app, token.federationMember, documentId, 1);
    ids.supporting = await annotate(v1, "Texte d'exemple rédigé pour la démonstration de Majlis", 'SUPPORTING');
    ids.objecting = await annotate(v1, "l'État contribue à la prise en charge de la charge locative", 'OBJECTING');
    ids.moved = await annotate(v1, "Des zones d'activités offshoring labellisées sont aménagées", 'COMMENTING');
    ids.fuzzy = await annotate(v1, 'La décision est notifiée dans un délai de 30 jours', 'QUESTIONING');
    ids.orphaned = await annotate(
      v1,
      "se dotent d'un plan de continuité d'activité couvrant les risques techniques, sanitaires et climatiques",
      'COMMENTING',
    );
    ids.hidden = await annotate(v1, 'Guichet unique', 'COMMENTING');
    ids.organization = await annotate(
      v1,
      'Guichet unique',
      'COMMENTING',
      { visibility: 'ORGANIZATION' },
      'federationMember',
    );
    await publish(app, token.moderator, documentId, SAMPLE_V2);
    const hide = await app.gql(
      `mutation($input: ModerateContentInput!) { moderateContent(input: $input) { version } }`,
      { input: { contentType: 'ANNOTATION', contentId: ids.hidden, action: 'HIDE', reason: 'Hors sujet', version: 0 } },
      token.moderator,
    );
    if (hide.errors) throw new Error(JSON.stringify(hide.errors));
  });
  afterAll(() => app.close());

  it('keeps SUPPORTING and OBJECTING apart with the Majlis extension, beside the model’s `assessing`', async () => {
    const collection = await exported();
    expect(collection['@context']).toEqual(['http://www.w3.org/ns/anno.jsonld', `${app.baseUrl}/ns/majlis.jsonld`]);
    const byId = new Map(collection.first.items.map((item) => [item.id, item]));
    expect(byId.get(`${app.baseUrl}/annotations/${ids.supporting}`)).toEqual(
      expect.objectContaining({ motivation: 'assessing', stance: 'supporting' }),
    );
    expect(byId.get(`${app.baseUrl}/annotations/${ids.objecting}`)).toEqual(
      expect.objectContaining({ motivation: 'assessing', stance: 'objecting' }),
    );
    expect(byId.get(`${app.baseUrl}/annotations/${ids.moved}`)!.stance).toBeUndefined();

    // The context defines the terms, and says how they relate to the model.
    const context = await get(`${app.baseUrl}/ns/majlis.jsonld`, null);
    expect(context.status).toBe(200);
    const document = (await context.json()) as { '@context': Record<string, unknown>; '@graph': { '@id': string }[] };
    expect(document['@context']['stance']).toEqual({ '@id': 'majlis:stance', '@type': '@vocab' });
    expect(document['@graph']).toContainEqual(
      expect.objectContaining({ '@id': 'majlis:objecting', '@type': 'oa:Motivation', broader: 'oa:assessing' }),
    );
  });

  it('describes each item on the current version: its state, its score and its selectors there', async () => {
    const collection = await exported();
    const v2 = await plainTextOf(app, token.federationMember, documentId, 2);
    const current = `${app.baseUrl}/documents/${documentId}/versions/2`;
    const original = `${app.baseUrl}/documents/${documentId}/versions/1`;
    const item = (id: string) => collection.first.items.find((candidate) => candidate.id.endsWith(id))!;
    for (const item of collection.first.items) expect(item.currentVersion).toBe(current);

    expect(item(ids.supporting)).toEqual(expect.objectContaining({ anchorStatus: 'EXACT', anchorScore: 1 }));
    const moved = item(ids.moved);
    expect(moved.anchorStatus).toBe('MOVED');
    expect(moved.target.map((target) => target.source)).toEqual([current, original]);
    const [position] = moved.target[0].selector.filter((selector) => selector.type === 'TextPositionSelector');
    expect(v2.slice(position.start, position.end)).toBe("Des zones d'activités offshoring labellisées sont aménagées");

    const fuzzy = item(ids.fuzzy);
    expect(fuzzy.anchorStatus).toBe('FUZZY');
    expect(fuzzy.anchorScore).toBeGreaterThan(0.75);
    expect(fuzzy.anchorScore).toBeLessThan(1);
    expect(fuzzy.target[0].source).toBe(current);
    expect(fuzzy.target[0].selector[0].exact).toBe('La décision est notifiée dans un délai de 20 jours');
    expect(fuzzy.target[1].selector[0].exact).toBe('La décision est notifiée dans un délai de 30 jours');

    // ORPHANED: nothing to point at on the current version; the passage as quoted on version 1 remains the target.
    const orphaned = item(ids.orphaned);
    expect(orphaned).toEqual(expect.objectContaining({ anchorStatus: 'ORPHANED', anchorScore: 0 }));
    expect(orphaned.target.map((target) => target.source)).toEqual([original]);

    // Hidden and ORGANIZATION annotations stay out of the export.
    expect(collection.total).toBe(5);
  });

  it('passes the W3C annotation model’s MUST tests, as a collection and as its page', async () => {
    const collection = await exported();
    const page = await (await get(collection.first.id, 'companyMember')).json();
    expect(page).toEqual(expect.objectContaining({ type: 'AnnotationPage', partOf: collection.id }));
    for (const document of [collection, page]) {
      expect(await w3cModelVerdict(document)).toMatch(/^W3C annotation-model MUST: \d+ passed, 0 failed$/);
    }
  });

  it('serves every IRI of the export as JSON-LD, with the API’s visibility rules', async () => {
    const collection = await exported();
    const iris = irisIn(collection, app.baseUrl);
    const expected = [
      `${app.baseUrl}/documents/${documentId}/annotations`,
      `${app.baseUrl}/documents/${documentId}/versions/1`,
      `${app.baseUrl}/documents/${documentId}/versions/2`,
      `${app.baseUrl}/annotations/${ids.moved}`,
      `${app.baseUrl}/users/${(await app.db.query(`SELECT id FROM users WHERE email = $1`, [ACCOUNTS.federationRepresentative])).rows[0].id}`,
      `${app.baseUrl}/ns/majlis.jsonld`,
    ];
    for (const iri of expected) expect(iris).toContain(iri);
    for (const iri of iris) {
      const response = await get(iri, 'companyMember');
      expect([iri, response.status]).toEqual([iri, 200]);
      expect(response.headers.get('content-type')).toMatch(/^application\/ld\+json/);
      const body = (await response.json()) as { id?: string; '@context': unknown };
      expect(body['@context']).toBeDefined();
      if (!iri.endsWith('.jsonld')) expect(body.id).toBe(iri);
    }
    // What they link to further dereferences too: the document of a version, the vocabulary of the context.
    const version = (await (
      await get(`${app.baseUrl}/documents/${documentId}/versions/2`, 'companyMember')
    ).json()) as {
      versionOf: string;
      value: string;
    };
    expect(version.value).toBe(await plainTextOf(app, token.federationMember, documentId, 2));
    expect((await get(version.versionOf, 'companyMember')).status).toBe(200);
    expect((await get(`${app.baseUrl}/ns/majlis`, null)).status).toBe(200);

    // The annotation served alone is the export's item, with the context.
    const alone = await (await get(`${app.baseUrl}/annotations/${ids.fuzzy}`, 'companyMember')).json();
    expect(alone).toEqual({
      '@context': collection['@context'],
      ...collection.first.items.find((item) => item.id.endsWith(ids.fuzzy)),
    });
  });

  it('answers 404 for hidden and invisible annotations, 401 without a session, and lets browsers’ page loads through', async () => {
    const hidden = `${app.baseUrl}/annotations/${ids.hidden}`;
    expect((await get(hidden, 'companyMember')).status).toBe(404);
    expect((await get(hidden, 'federationRepresentative')).status).toBe(200); // its author still sees it
    expect((await get(hidden, 'moderator')).status).toBe(200);
    const organization = `${app.baseUrl}/annotations/${ids.organization}`;
    expect((await get(organization, 'companyMember')).status).toBe(404);
    expect((await get(organization, 'federationRepresentative')).status).toBe(200);
    expect((await get(`${app.baseUrl}/documents/${documentId}/versions/9`, 'companyMember')).status).toBe(404);
    expect((await get(`${app.baseUrl}/annotations/${ids.moved}`, null)).status).toBe(401);
    expect((await get(`${app.baseUrl}/annotations/${ids.moved}`, 'companyMember', 'application/json')).status).toBe(
      200,
    );
    // A browser navigating to the same path (it prefers text/html) is not answered JSON-LD: it falls through to
    // whatever serves pages (here, no web client is built: 404), whether signed in or not.
    const browser = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';
    for (const account of [null, 'companyMember'] as const) {
      const page = await get(`${app.baseUrl}/annotations/${ids.moved}`, account, browser);
      expect(page.status).toBe(404);
      expect(page.headers.get('content-type') ?? '').not.toMatch(/ld\+json/);
    }
  });
});
