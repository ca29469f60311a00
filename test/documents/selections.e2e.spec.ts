import { ACCOUNTS } from '../support/demo-accounts';
import { openDocument, plainTextOf, publish } from '../support/documents';
import { TestApp, outcome, startTestApp } from '../support/test-app';

const MARKDOWN =
  '# نص تجريبي\n\nمقدمة 🇲🇦 قصيرة.\n\n' +
  '### Article 1 — المادة الأولى\n\nتطبق هذه الدورية 🇲🇦 على Offshoring (CRM, BPO) في المناطق المخصصة. تطبق هذه الدورية على الشركات.\n\n' +
  '### Article 2 — Emploi\n\nL’objectif est de 270 000 emplois 👩‍💻 d’ici 2030. L’objectif est ambitieux.\n';

interface Described {
  exact: string;
  prefix: string;
  suffix: string;
  start: number;
  end: number;
  section: { key: string; number: number } | null;
  version: { number: number };
}

describe('selections without arithmetic: describeSelection and quote targets', () => {
  let app: TestApp;
  let moderator: string;
  let member: string;
  let documentId: string;
  let text: string;
  let versionId: string;

  const describeSelection = (id: string, start: number, end: number, token = member) =>
    app.gql<{ describeSelection: Described }>(
      `query($v: ID!, $s: Int!, $e: Int!) { describeSelection(versionId: $v, start: $s, end: $e) {
        exact prefix suffix start end section { key number } version { number } } }`,
      { v: id, s: start, e: end },
      token,
    );
  const annotate = (target: Record<string, unknown>, versionNumber = 1) =>
    app.gql<{
      createAnnotation: {
        annotation: {
          id: string;
          target: { exact: string; prefix: string; suffix: string; start: number; end: number; sectionKey: string };
        };
      };
    }>(
      `mutation($input: CreateAnnotationInput!) { createAnnotation(input: $input) { annotation {
        id target { exact prefix suffix start end sectionKey } } } }`,
      { input: { documentId, versionNumber, target, motivation: 'COMMENTING', body: 'Remarque' } },
      member,
    );
  const fieldsOf = (response: { errors?: { extensions: Record<string, unknown> }[] }) =>
    response.errors![0].extensions['fields'] as Record<string, string>;

  beforeAll(async () => {
    app = await startTestApp();
    moderator = (await app.signIn(ACCOUNTS.moderator)).accessToken;
    member = (await app.signIn(ACCOUNTS.federationMember)).accessToken;
    documentId = await openDocument(app, moderator, MARKDOWN);
    text = await plainTextOf(app, member, documentId, 1);
    const versions = await app.gql<{ document: { versionByNumber: { id: string } } }>(
      `query($d: ID!) { document(id: $d) { versionByNumber(number: 1) { id } } }`,
      { d: documentId },
      member,
    );
    versionId = versions.data!.document.versionByNumber.id;
  });
  afterAll(() => app.close());

  it('describes a range in UTF-16 code units — Arabic, a flag and a ZWJ emoji — with its context and article', async () => {
    const exact = '270 000 emplois 👩‍💻 d’ici';
    const start = text.indexOf(exact);
    const result = await describeSelection(versionId, start, start + exact.length);
    expect(outcome(result)).toBe('OK');
    expect(result.data!.describeSelection).toEqual({
      exact,
      prefix: text.slice(start - 32, start),
      suffix: text.slice(start + exact.length, start + exact.length + 32),
      start,
      end: start + exact.length,
      section: { key: 'art-2', number: 2 },
      version: { number: 1 },
    });
    expect('👩‍💻'.length).toBe(5); // two surrogate pairs and a ZWJ: offsets count code units, not characters
    expect(exact.length).toBe(27);

    const arabic = 'على Offshoring (CRM, BPO) في المناطق';
    const at = text.indexOf(arabic);
    const described = (await describeSelection(versionId, at, at + arabic.length)).data!.describeSelection;
    expect(described.exact).toBe(arabic);
    expect(described.prefix.endsWith('🇲🇦 ')).toBe(true);
    expect(described.section).toEqual({ key: 'art-1', number: 1 });

    const beforeArticles = (await describeSelection(versionId, 0, 5)).data!.describeSelection;
    expect(beforeArticles.section).toBeNull();
  });

  it('refuses ranges that are empty, outside the text or split a character, and hides versions of drafts', async () => {
    const flag = text.indexOf('🇲🇦');
    for (const [start, end] of [
      [flag + 1, flag + 6],
      [10, 10],
      [5, 3],
      [-1, 4],
      [0, text.length + 1],
    ]) {
      const result = await describeSelection(versionId, start, end);
      expect(outcome(result)).toBe('BAD_USER_INPUT');
      expect(result.data).toBeNull();
    }
    expect(Object.values(fieldsOf(await describeSelection(versionId, flag + 1, flag + 6)))[0]).toMatch(
      /splits a character/,
    );

    const draft = await app.gql<{ createDocument: { document: { id: string } } }>(
      `mutation { createDocument(input: { kind: CIRCULAR, reference: "Brouillon sélection", title: "Brouillon" }) { document { id } } }`,
      {},
      moderator,
    );
    const draftId = draft.data!.createDocument.document.id;
    await publish(app, moderator, draftId, MARKDOWN);
    const draftVersion = (await app.db.query(`SELECT id FROM document_versions WHERE document_id = $1`, [draftId]))
      .rows[0].id;
    expect(outcome(await describeSelection(draftVersion, 0, 5))).toBe('NOT_FOUND');
    expect(outcome(await describeSelection(draftVersion, 0, 5, moderator))).toBe('OK');
    expect(outcome(await describeSelection('0b6f0f0e-1111-4222-8333-944445555666', 0, 5))).toBe('NOT_FOUND');
  });

  it('annotates a quote found by the server: offsets in UTF-16 code units after emoji, server-side context', async () => {
    const exact = 'd’ici 2030';
    const result = await annotate({ exact });
    expect(outcome(result)).toBe('OK');
    const target = result.data!.createAnnotation.annotation.target;
    const start = text.indexOf(exact);
    expect(target).toEqual({
      exact,
      prefix: text.slice(start - 32, start),
      suffix: text.slice(start + exact.length, start + exact.length + 32),
      start,
      end: start + exact.length,
      sectionKey: 'art-2',
    });
    expect(target.prefix).toContain('👩‍💻');
  });

  it('asks for a hint when the quote occurs several times, and takes an occurrence, a prefix or a suffix', async () => {
    const exact = 'تطبق هذه الدورية';
    const first = text.indexOf(exact);
    const second = text.indexOf(exact, first + 1);

    const ambiguous = await annotate({ exact });
    expect(outcome(ambiguous)).toBe('BAD_USER_INPUT');
    expect(fieldsOf(ambiguous)['target.exact']).toMatch(/occurs 2 times in version 1.*occurrence \(1 to 2\)/);
    expect(ambiguous.data).toBeNull();

    const byOccurrence = await annotate({ exact, occurrence: 2 });
    expect(byOccurrence.data!.createAnnotation.annotation.target.start).toBe(second);
    const bySuffix = await annotate({ exact, suffix: ' 🇲🇦' });
    expect(bySuffix.data!.createAnnotation.annotation.target.start).toBe(first);
    const byPrefix = await annotate({ exact, prefix: 'المخصصة. ' });
    expect(byPrefix.data!.createAnnotation.annotation.target.start).toBe(second);

    const tooFar = await annotate({ exact, occurrence: 3 });
    expect(outcome(tooFar)).toBe('BAD_USER_INPUT');
    expect(fieldsOf(tooFar)['target.occurrence']).toMatch(/occurs only 2 times/);
  });

  it('says when the quote is not in the text, and refuses half a position or a position with an occurrence', async () => {
    const before = (await app.db.query('SELECT count(*)::int AS n FROM annotations')).rows[0].n;
    const missing = await annotate({ exact: 'تطبق هذه الدورية 🇩🇿' });
    expect(outcome(missing)).toBe('BAD_USER_INPUT');
    expect(fieldsOf(missing)['target.exact']).toMatch(/not in version 1/);
    const wrongContext = await annotate({ exact: 'L’objectif est', prefix: 'introuvable ' });
    expect(fieldsOf(wrongContext)['target.exact']).toMatch(/not in version 1 with this prefix and suffix/);
    expect(outcome(await annotate({ exact: 'L’objectif', start: 3 }))).toBe('BAD_USER_INPUT');
    const start = text.indexOf('L’objectif');
    const both = await annotate({ exact: 'L’objectif', start, end: start + 10, occurrence: 1 });
    expect(fieldsOf(both)['target.occurrence']).toMatch(/either a position/);
    expect(outcome(await annotate({ exact: 'L’objectif', occurrence: 0 }))).toBe('BAD_USER_INPUT');
    expect((await app.db.query('SELECT count(*)::int AS n FROM annotations')).rows[0].n).toBe(before);
  });
});
