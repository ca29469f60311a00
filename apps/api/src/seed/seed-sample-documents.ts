import { INestApplicationContext } from '@nestjs/common';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { describeSelection } from '@majlis/anchoring';
import { CommentService, EndorsementService } from '@majlis/discussions';
import { AnnotationService, DocumentService, parseVersionText } from '@majlis/documents';
import type { Actor } from '@majlis/kernel';
import { SAMPLE_ANNOTATIONS } from './sample-annotations';

const SAMPLE_FOLDER = join(__dirname, 'sample-circular');
const DAY = 24 * 3600 * 1000;

/**
 * The illustrative sample circular: version 1, annotations of every motivation (some answered by the ministry, some
 * discussed and endorsed),
 * then version 2, whose publication re-anchors them all — so a newcomer sees anchoring at work on first start.
 */
export async function seedSampleDocuments(app: INestApplicationContext): Promise<void> {
  const db = app.get(DataSource);
  const documents = app.get(DocumentService);
  const annotations = app.get(AnnotationService);
  const comments = app.get(CommentService);
  const endorsements = app.get(EndorsementService);
  const actors = await actorsByEmail(db);
  const organizations = await organizationsByAcronym(db);
  const moderator = actors.get('moderatrice@mtnra.example')!;
  const [v1, v2] = ['v1', 'v2'].map((version) =>
    readFileSync(join(SAMPLE_FOLDER, `circulaire-15-2025.${version}.md`), 'utf8'),
  );

  const now = Date.now();
  let document = await documents.create(moderator, {
    kind: 'CIRCULAR',
    reference: 'Circulaire 15/2025',
    title: 'Offre Offshoring Maroc (texte d’exemple)',
    language: 'fr',
    commentsOpenAt: new Date(now - 30 * DAY),
    commentsCloseAt: new Date(now + 60 * DAY),
  });
  await documents.publishVersion(moderator, document.id, {
    markdown: v1,
    changeNote: 'Version initiale soumise à la lecture partagée.',
  });
  document = await documents.update(moderator, document.id, { version: document.version, status: 'OPEN_FOR_COMMENT' });

  const plainText = parseVersionText(v1).plainText;
  for (const sample of SAMPLE_ANNOTATIONS) {
    const start = plainText.indexOf(sample.quote);
    if (start < 0) throw new Error(`sample passage not found in version 1: ${sample.quote}`);
    const { quote } = describeSelection(plainText, start, start + sample.quote.length);
    const created = await annotations.create(actors.get(sample.author)!, {
      documentId: document.id,
      versionNumber: 1,
      target: { ...quote, start, end: start + sample.quote.length },
      motivation: sample.motivation,
      body: sample.body,
      suggestedText: sample.suggestedText ?? null,
      visibility: sample.visibility ?? 'PUBLIC',
      onBehalfOfOrganizationId: sample.onBehalfOf ? organizations.get(sample.onBehalfOf) : null,
    });
    if (sample.answer) await annotations.answer(moderator, created.id, { ...sample.answer, status: 'ANSWERED' });
    let parentId: string | null = null;
    for (const reply of sample.replies ?? []) {
      const posted = await comments.post(actors.get(reply.author)!, {
        subjectType: 'ANNOTATION',
        subjectId: created.id,
        parentId,
        body: reply.body,
        official: reply.official ?? false,
      });
      parentId = posted.id;
    }
    for (const endorser of sample.endorsedBy ?? [])
      await endorsements.endorse(actors.get(endorser)!, 'ANNOTATION', created.id);
  }
  await documents.publishVersion(moderator, document.id, {
    markdown: v2,
    changeNote:
      'Intègre les premières remarques : délais raccourcis, article sur la continuité d’activité supprimé, articles sur l’IA et le télétravail ajoutés.',
  });
}

export async function actorsByEmail(db: DataSource): Promise<Map<string, Actor>> {
  const rows: { id: string; email: string; platform_role: Actor['platformRole']; memberships: Actor['memberships'] }[] =
    await db.query(
      `SELECT u.id, u.email, u.platform_role,
            COALESCE(json_agg(json_build_object('organizationId', m.organization_id, 'role', m.role)) FILTER (WHERE m.id IS NOT NULL), '[]') AS memberships
       FROM users u LEFT JOIN memberships m ON m.user_id = u.id GROUP BY u.id`,
    );
  return new Map(
    rows.map((row) => [row.email, { userId: row.id, platformRole: row.platform_role, memberships: row.memberships }]),
  );
}

async function organizationsByAcronym(db: DataSource): Promise<Map<string, string>> {
  const rows: { id: string; acronym: string | null; name: string }[] = await db.query(
    `SELECT id, acronym, name FROM organizations`,
  );
  const byKey = new Map<string, string>();
  for (const row of rows) {
    if (row.acronym === 'FMO') byKey.set('fmo', row.id);
    if (row.acronym === 'ADI') byKey.set('invest', row.id);
    if (row.name.startsWith('Atlas')) byKey.set('atlas', row.id);
  }
  return byKey;
}
