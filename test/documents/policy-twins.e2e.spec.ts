import { DataSource } from 'typeorm';
import { Annotation, AnnotationPolicy, Document, DocumentPolicy } from '@majlis/documents';
import { Actor } from '@majlis/kernel';
import { ACCOUNTS } from '../support/demo-accounts';
import { CREATE_ANNOTATION, SAMPLE_V1, openDocument, plainTextOf, targetFor } from '../support/documents';
import { TestApp, actorOf, startTestApp } from '../support/test-app';

/**
 * Each documents rule is written twice, as a predicate and as its SQL twin (lists, counts, mentions, export). On
 * real rows and real accounts, the twin selects exactly the rows the predicate allows, for every role.
 */
describe('documents policy: every SQL twin agrees with its predicate', () => {
  let app: TestApp;
  let db: DataSource;
  const actors: Record<string, Actor> = {};

  beforeAll(async () => {
    app = await startTestApp();
    db = app.nest.get(DataSource);
    for (const [role, email] of Object.entries(ACCOUNTS)) actors[role] = await actorOf(app, email);
    const moderator = (await app.signIn(ACCOUNTS.moderator)).accessToken;
    const member = (await app.signIn(ACCOUNTS.federationMember)).accessToken;
    // Documents in every state.
    for (const status of ['CLOSED', 'ADOPTED']) {
      const id = await openDocument(app, moderator, SAMPLE_V1);
      await app.db.query(`UPDATE documents SET status = $1 WHERE id = $2`, [status, id]);
    }
    await app.gql(
      `mutation { createDocument(input: { kind: CIRCULAR, reference: "Brouillon jumeaux", title: "Brouillon" }) { document { id } } }`,
      {},
      moderator,
    );
    // Annotations of every visibility, one of them deleted.
    const documentId = await openDocument(app, moderator, SAMPLE_V1);
    const text = await plainTextOf(app, member, documentId, 1);
    for (const [occurrence, visibility] of (['PUBLIC', 'ORGANIZATION', 'ORGANIZATION'] as const).entries()) {
      const created = await app.gql<{ createAnnotation: { annotation: { id: string } } }>(
        CREATE_ANNOTATION,
        {
          input: {
            documentId,
            versionNumber: 1,
            target: targetFor(text, 'Article', occurrence),
            motivation: 'COMMENTING',
            body: 'Jumeaux',
            visibility,
          },
        },
        member,
      );
      if (occurrence === 2) {
        await app.db.query(`UPDATE annotations SET deleted_at = now() WHERE id = $1`, [
          created.data!.createAnnotation.annotation.id,
        ]);
      }
    }
  });
  afterAll(() => app.close());

  const roles = Object.keys(ACCOUNTS);

  it.each(roles)('documents seen by %s', async (role) => {
    const all = await db.getRepository(Document).find();
    expect(new Set(all.map((document) => document.status)).size).toBe(4);
    const visible = DocumentPolicy.visibleSql(actors[role], 'doc');
    const bySql = await db
      .getRepository(Document)
      .createQueryBuilder('doc')
      .where(visible.sql, visible.params)
      .getMany();
    const byPredicate = all.filter((document) => DocumentPolicy.canSee(actors[role], document));
    expect(bySql.map((document) => document.id).sort()).toEqual(byPredicate.map((document) => document.id).sort());
  });

  it.each(roles)('annotations seen by %s, by the list twin and by the mentions twin', async (role) => {
    const all = await db.getRepository(Annotation).find();
    expect(all.some((annotation) => annotation.visibility === 'ORGANIZATION')).toBe(true);
    const visible = AnnotationPolicy.visibleSql(actors[role], 'annotation');
    const bySql = await db
      .getRepository(Annotation)
      .createQueryBuilder('annotation')
      .where(visible.sql, visible.params)
      .getMany();
    const byPredicate = all.filter((annotation) => AnnotationPolicy.canSee(actors[role], annotation));
    expect(bySql.map((annotation) => annotation.id).sort()).toEqual(
      byPredicate.map((annotation) => annotation.id).sort(),
    );

    const readable: { id: string }[] = await db.query(
      `SELECT a.id FROM annotations a JOIN users u ON u.id = $1 WHERE ${AnnotationPolicy.readersSql('a', 'u')}`,
      [actors[role].userId],
    );
    expect(readable.map((row) => row.id).sort()).toEqual(byPredicate.map((annotation) => annotation.id).sort());
  });

  it('exports exactly the annotations isExported allows', async () => {
    const all = await db.getRepository(Annotation).find();
    const exported: { id: string }[] = await db.query(
      `SELECT a.id FROM annotations a WHERE ${AnnotationPolicy.exportedSql('a')}`,
    );
    expect(exported.map((row) => row.id).sort()).toEqual(
      all
        .filter((annotation) => AnnotationPolicy.isExported(annotation))
        .map((annotation) => annotation.id)
        .sort(),
    );
    expect(all.some((annotation) => annotation.deletedAt)).toBe(true);
  });
});
