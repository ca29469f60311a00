import { w3cModelVerdict } from '../support/w3c-check';
import { ACCOUNTS } from '../support/demo-accounts';
import {
  CREATE_ANNOTATION,
  SAMPLE_V1,
  SAMPLE_V2,
  openDocument,
  plainTextOf,
  publish,
  targetFor,
} from '../support/documents';
import { TestApp, outcome, startTestApp } from '../support/test-app';

interface Listed {
  id: string;
  anchor: {
    status: string;
    score: number;
    target: { exact: string; start: number; end: number; sectionKey: string | null } | null;
  };
}

const ON_VERSION = `query($d: ID!, $n: Int!) { document(id: $d) { versionByNumber(number: $n) {
  annotations(first: 100) { edges { node { id anchor { status score target { exact start end sectionKey } } } } }
  orphanedAnnotations(first: 100) { edges { node { id target { exact } anchor { status score target { exact } } } } } } } }`;

describe('re-anchoring through a new version', () => {
  let app: TestApp;
  let moderator: string;
  let member: string;

  async function annotate(
    documentId: string,
    target: ReturnType<typeof targetFor>,
    versionNumber = 1,
  ): Promise<string> {
    const result = await app.gql<{ createAnnotation: { annotation: { id: string } } }>(
      CREATE_ANNOTATION,
      { input: { documentId, versionNumber, target, motivation: 'COMMENTING', body: 'Remarque' } },
      member,
    );
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    return result.data!.createAnnotation.annotation.id;
  }

  async function onVersion(documentId: string, number: number) {
    const result = await app.gql<{
      document: {
        versionByNumber: {
          annotations: { edges: { node: Listed }[] };
          orphanedAnnotations: { edges: { node: Listed & { target: { exact: string } } }[] };
        };
      };
    }>(ON_VERSION, { d: documentId, n: number }, member);
    if (!result.data) throw new Error(JSON.stringify(result.errors));
    const version = result.data.document.versionByNumber;
    return {
      anchored: new Map(version.annotations.edges.map((edge) => [edge.node.id, edge.node.anchor])),
      orphaned: new Map(version.orphanedAnnotations.edges.map((edge) => [edge.node.id, edge.node])),
    };
  }

  beforeAll(async () => {
    app = await startTestApp();
    moderator = (await app.signIn(ACCOUNTS.moderator)).accessToken;
    member = (await app.signIn(ACCOUNTS.federationMember)).accessToken;
  });
  afterAll(() => app.close());

  it('says EXACT, MOVED, FUZZY or ORPHANED for unchanged, moved, lightly edited and deleted passages', async () => {
    const documentId = await openDocument(app, moderator, SAMPLE_V1);
    const v1 = await plainTextOf(app, member, documentId, 1);
    const ids = {
      unchangedInPlace: await annotate(
        documentId,
        targetFor(v1, "Texte d'exemple rédigé pour la démonstration de Majlis"),
      ),
      renumbered: await annotate(
        documentId,
        targetFor(v1, "Des zones d'activités offshoring labellisées sont aménagées"),
      ),
      movedArticle: await annotate(
        documentId,
        targetFor(v1, "l'État contribue à la prise en charge de la charge locative"),
      ),
      arabic: await annotate(documentId, targetFor(v1, '«دورية رقم 15/2025»')),
      lightlyEdited: await annotate(documentId, targetFor(v1, 'La décision est notifiée dans un délai de 30 jours')),
      deleted: await annotate(
        documentId,
        targetFor(
          v1,
          "se dotent d'un plan de continuité d'activité couvrant les risques techniques, sanitaires et climatiques",
        ),
      ),
      deletedFormula: await annotate(
        documentId,
        targetFor(
          v1,
          "Sans préjudice des dispositions de l'article 2 de la présente circulaire, les entreprises installées dans les zones",
        ),
      ),
    };

    const published = await publish(app, moderator, documentId, SAMPLE_V2);
    expect(published).toEqual({ version: { number: 2 }, reanchoredAnnotations: 7 });
    const v2 = await plainTextOf(app, member, documentId, 2);
    const { anchored, orphaned } = await onVersion(documentId, 2);

    expect(anchored.get(ids.unchangedInPlace)).toEqual(expect.objectContaining({ status: 'EXACT', score: 1 }));
    for (const [id, exact] of [
      [ids.renumbered, "Des zones d'activités offshoring labellisées sont aménagées"],
      [ids.movedArticle, "l'État contribue à la prise en charge de la charge locative"],
      [ids.arabic, '«دورية رقم 15/2025»'],
    ]) {
      const anchor = anchored.get(id)!;
      expect(anchor.status).toBe('MOVED');
      expect(v2.slice(anchor.target!.start, anchor.target!.end)).toBe(exact);
    }
    expect(anchored.get(ids.movedArticle)!.target!.sectionKey).toBe('art-12');

    const fuzzy = anchored.get(ids.lightlyEdited)!;
    expect(fuzzy.status).toBe('FUZZY');
    expect(fuzzy.score).toBeGreaterThan(0.75);
    expect(fuzzy.score).toBeLessThan(1);
    expect(fuzzy.target!.exact).toBe('La décision est notifiée dans un délai de 20 jours');
    expect(v2.slice(fuzzy.target!.start, fuzzy.target!.end)).toBe(fuzzy.target!.exact);

    // A deleted passage is ORPHANED — never attached to the same formula in another article — and keeps its text.
    for (const id of [ids.deleted, ids.deletedFormula]) {
      expect(anchored.has(id)).toBe(false);
      expect(orphaned.get(id)!.anchor).toEqual({ status: 'ORPHANED', score: 0, target: null });
    }
    expect(orphaned.get(ids.deleted)!.target.exact).toContain('plan de continuité');

    // A third version carries the orphans along, still orphaned; the edited passage, only moved since, stays FUZZY
    // with its score to what was quoted (its text still differs from the quote).
    await publish(app, moderator, documentId, SAMPLE_V2.replace('Préambule.', 'Préambule (version 3).'));
    const third = await onVersion(documentId, 3);
    expect(third.orphaned.has(ids.deleted)).toBe(true);
    expect(third.anchored.get(ids.lightlyEdited)).toEqual(
      expect.objectContaining({ status: 'FUZZY', score: fuzzy.score }),
    );
  });

  it('counts UTF-16 code units in Arabic, mixed-direction text and characters outside the BMP', async () => {
    const markdown =
      '# نص تجريبي\n\n### Article 1 — المادة الأولى\n\nتطبق هذه الدورية 🇲🇦 على Offshoring (CRM, BPO) في المناطق المخصصة.\n\n### Article 2 — Emploi\n\nL’objectif est de 270 000 emplois 👩‍💻 d’ici 2030.\n';
    const documentId = await openDocument(app, moderator, markdown);
    const v1 = await plainTextOf(app, member, documentId, 1);
    const mixed = targetFor(v1, 'Offshoring (CRM, BPO) في المناطق');
    const astral = targetFor(v1, '270 000 emplois 👩‍💻 d’ici');
    expect(astral.end - astral.start).toBe('270 000 emplois 👩‍💻 d’ici'.length);
    const ids = [await annotate(documentId, mixed), await annotate(documentId, astral)];

    // A target that would split the flag emoji in two is refused.
    const flag = v1.indexOf('🇲🇦');
    const split = await app.gql(
      CREATE_ANNOTATION,
      {
        input: {
          documentId,
          versionNumber: 1,
          motivation: 'COMMENTING',
          body: 'x',
          target: { exact: v1.slice(flag + 1, flag + 6), prefix: '', suffix: '', start: flag + 1, end: flag + 6 },
        },
      },
      member,
    );
    expect(outcome(split)).toBe('BAD_USER_INPUT');

    const inserted = '🌍 مقدمة جديدة — nouveau préambule.\n\n';
    await publish(app, moderator, documentId, markdown.replace('### Article 1', `${inserted}### Article 1`));
    const v2 = await plainTextOf(app, member, documentId, 2);
    const { anchored } = await onVersion(documentId, 2);
    const shift = v2.indexOf('Article 1 — المادة') - v1.indexOf('Article 1 — المادة');
    expect(shift).toBe('🌍 مقدمة جديدة — nouveau préambule.\n\n'.length);
    for (const [index, target] of [mixed, astral].entries()) {
      const anchor = anchored.get(ids[index])!;
      expect(anchor.status).toBe('MOVED');
      expect(anchor.target!.start - target.start).toBe(shift);
      expect(v2.slice(anchor.target!.start, anchor.target!.end)).toBe(target.exact);
    }
  });

  it('compares two versions article by article', async () => {
    const documentId = await openDocument(app, moderator, SAMPLE_V1);
    await publish(app, moderator, documentId, SAMPLE_V2);
    const result = await app.gql<{
      compareDocumentVersions: {
        sections: {
          key: string;
          change: string;
          from: { number: number } | null;
          to: { number: number } | null;
          diff: { op: string; text: string }[];
        }[];
      };
    }>(
      `query($d: ID!) { compareDocumentVersions(documentId: $d, from: 1, to: 2) { sections { key change from { number } to { number } diff { op text } } } }`,
      { d: documentId },
      member,
    );
    const byKey = new Map(result.data!.compareDocumentVersions.sections.map((section) => [section.key, section]));
    expect(byKey.get('art-2')!.change).toBe('UNCHANGED');
    expect(byKey.get('art-7')).toEqual(
      expect.objectContaining({ change: 'UNCHANGED', from: { number: 7 }, to: { number: 8 } }),
    );
    expect(byKey.get('art-10')).toEqual(expect.objectContaining({ change: 'REMOVED', to: null }));
    expect(byKey.get('art-15')!.change).toBe('REMOVED');
    expect([...byKey.values()].filter((section) => section.change === 'ADDED')).toHaveLength(2);
    const edited = byKey.get('art-14')!;
    expect(edited.change).toBe('CHANGED');
    expect(edited.diff.filter((part) => part.op !== 'EQUAL').map((part) => [part.op, part.text.trim()])).toEqual([
      ['DELETE', '30'],
      ['INSERT', '20'],
    ]);
  });

  it('exports public annotations as a W3C Web Annotation collection that passes the model’s MUST tests', async () => {
    const { rows } = await app.db.query(`SELECT id FROM documents WHERE reference = 'Circulaire 15/2025'`);
    const anonymous = await fetch(`${app.baseUrl}/documents/${rows[0].id}/annotations`);
    expect(anonymous.status).toBe(401);
    const response = await fetch(`${app.baseUrl}/documents/${rows[0].id}/annotations`, {
      headers: { authorization: `Bearer ${member}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/ld\+json/);
    const collection = (await response.json()) as {
      type: string;
      total: number;
      first: {
        items: { motivation: string; stance?: string; target: { selector: { type: string }[] }[] }[];
      };
    };
    expect(collection.type).toBe('AnnotationCollection');
    expect(collection.total).toBe(7); // the seeded ORGANIZATION annotation is left out
    expect(
      collection.first.items.map((item) => [item.motivation, item.stance ?? null].join(' ').trim()).sort(),
    ).toEqual(
      [
        'assessing supporting',
        'commenting',
        'commenting',
        'commenting',
        'editing',
        'questioning',
        'assessing objecting',
      ].sort(),
    );
    expect(collection.first.items[0].target.at(-1)!.selector.map((selector) => selector.type)).toEqual([
      'TextQuoteSelector',
      'TextPositionSelector',
    ]);

    expect(await w3cModelVerdict(collection)).toMatch(/^W3C annotation-model MUST: \d+ passed, 0 failed$/);

    const missing = await fetch(`${app.baseUrl}/documents/7d1c0a8e-7c5a-4b8e-9a55-0b7c1d2e3f40/annotations`, {
      headers: { authorization: `Bearer ${member}` },
    });
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ error: { code: 'NOT_FOUND', message: 'Document not found.' } });
  });

  it('reads a page of annotations with authors, organisations, answers, reply and endorsement counts in as many statements for 3 as for 60', async () => {
    const documentId = await openDocument(app, moderator, SAMPLE_V1);
    const v1 = await plainTextOf(app, member, documentId, 1);
    const representative = (await app.signIn(ACCOUNTS.federationRepresentative)).accessToken;
    const fmo = (await app.db.query(`SELECT id FROM organizations WHERE acronym = 'FMO'`)).rows[0].id;
    const words = v1.match(/[\p{L}]{6,}/gu)!.slice(0, 60);
    for (const [index, word] of words.entries()) {
      const token = index % 2 ? member : representative;
      const occurrence = words.slice(0, index).filter((other) => other === word).length;
      await app.gql(
        CREATE_ANNOTATION,
        {
          input: {
            documentId,
            versionNumber: 1,
            target: targetFor(v1, word, occurrence),
            motivation: 'COMMENTING',
            body: `Remarque ${index}`,
            onBehalfOfOrganizationId: index % 2 ? null : fmo,
          },
        },
        token,
      );
    }
    const query = `query($d: ID!, $first: Int) { document(id: $d) { versionByNumber(number: 1) { annotations(first: $first) { totalCount edges { node {
      id bodyHtml author { displayName } organization { name } createdOnVersion { number } answer { answeredBy { displayName } } anchor { status }
      replyCount endorsementCount viewerHasEndorsed } } } } } }`;
    const small = await app.gql<{ document: { versionByNumber: { annotations: { edges: unknown[] } } } }>(
      query,
      { d: documentId, first: 3 },
      member,
    );
    const large = await app.gql<{
      document: { versionByNumber: { annotations: { edges: unknown[]; totalCount: number } } };
    }>(query, { d: documentId, first: 60 }, member);
    expect(small.data!.document.versionByNumber.annotations.edges).toHaveLength(3);
    expect(large.data!.document.versionByNumber.annotations.edges).toHaveLength(60);
    expect(Number(large.headers.get('x-sql-statements'))).toBe(Number(small.headers.get('x-sql-statements')));
  });
});
