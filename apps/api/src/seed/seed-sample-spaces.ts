import { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CommentService, SpaceService, ThreadService } from '@majlis/discussions';
import type { Actor } from '@majlis/kernel';

/**
 * The ministry's public space, a private space per federation, a working-group space per pillar of the circular,
 * with a few threads (one citing an article) and replies.
 */
export async function seedSampleSpaces(app: INestApplicationContext, actors: Map<string, Actor>): Promise<void> {
  const db = app.get(DataSource);
  const spaces = app.get(SpaceService);
  const threads = app.get(ThreadService);
  const comments = app.get(CommentService);
  const organizations: { id: string; kind: string; acronym: string | null; name: string }[] = await db.query(
    `SELECT id, kind, acronym, name FROM organizations ORDER BY name`,
  );
  const ministry = organizations.find((org) => org.kind === 'MINISTRY')!;
  const moderator = actors.get('moderatrice@mtnra.example')!;
  const [circular] = await db.query(`SELECT id FROM documents WHERE reference = 'Circulaire 15/2025'`);

  const agora = await spaces.create(moderator, {
    name: 'Espace public du ministère',
    slug: 'espace-ministere',
    description: 'Annonces, questions au ministère et réponses officielles sur l’Offre Offshoring Maroc.',
    ownerOrganizationId: ministry.id,
    visibility: 'PUBLIC',
  });
  const announcement = await threads.create(moderator, {
    spaceId: agora.id,
    title: 'Ouverture de la lecture partagée de la circulaire (texte d’exemple)',
    body: 'La version 2 intègre vos premières remarques. Consultez les annotations et leur réancrage article par article.',
    tags: ['annonce', 'circulaire'],
  });
  await threads.moderate(moderator, announcement.id, { pinned: true });
  const question = await threads.create(actors.get('representant@atlas.example')!, {
    spaceId: agora.id,
    title: 'Délai d’instruction : à partir de quand court-il ?',
    body: 'Le délai de 20 jours court-il à partir du dépôt ou de l’accusé de réception ?',
    tags: ['guichet-unique'],
    citation: circular ? { documentId: circular.id, versionNumber: 2, sectionKey: 'art-14' } : null,
  });
  const answer = await comments.post(moderator, {
    subjectType: 'THREAD',
    subjectId: question.id,
    body: 'À partir de l’accusé de réception, délivré sous 48 heures.',
    official: true,
  });
  await comments.post(actors.get('representant@atlas.example')!, {
    subjectType: 'THREAD',
    subjectId: question.id,
    parentId: answer.id,
    body: 'Merci pour la précision.',
  });

  // A federation's representative opens its private space; for the sample federations without a demo
  // representative, the ministry's moderator opened it (and owns it until the federation names an owner).
  for (const federation of organizations.filter((org) => org.kind === 'FEDERATION')) {
    const fmoRepresentative = actors.get('representant@fmo.example')!;
    const opener = federation.acronym === 'FMO' ? fmoRepresentative : moderator;
    const space = await spaces.create(opener, {
      name: `${federation.acronym ?? federation.name} — espace privé`,
      slug: `federation-${(federation.acronym ?? federation.id).toLowerCase()}`,
      description: 'Préparation de la position de la fédération, entre ses membres.',
      ownerOrganizationId: federation.id,
      visibility: 'PRIVATE',
    });
    await spaces.addMember(opener, space.id, { organizationId: federation.id, role: 'PARTICIPANT' });
    if (federation.acronym === 'FMO') {
      const position = await threads.create(fmoRepresentative, {
        spaceId: space.id,
        title: 'Position de la fédération sur l’aide à la formation',
        body: 'Proposition : demander une modulation du plafond par famille de métiers (ESO, KPO).',
        tags: ['capital-humain', 'position'],
      });
      await comments.post(actors.get('membre@fmo.example')!, {
        subjectType: 'THREAD',
        subjectId: position.id,
        body: 'D’accord ; nos membres ESO chiffrent le surcoût à 25 %.',
      });
    }
  }

  for (const [slug, name] of [
    ['groupe-capital-humain', 'Groupe de travail — Capital humain'],
    ['groupe-infrastructures', 'Groupe de travail — Infrastructures et zones'],
    ['groupe-cadre-incitatif', 'Groupe de travail — Cadre incitatif'],
  ]) {
    const space = await spaces.create(moderator, {
      name,
      slug,
      description: 'Groupe de travail public-privé sur un pilier de la circulaire.',
      ownerOrganizationId: ministry.id,
      visibility: 'RESTRICTED',
    });
    for (const federation of organizations.filter((org) => org.kind === 'FEDERATION')) {
      await spaces.addMember(moderator, space.id, { organizationId: federation.id, role: 'PARTICIPANT' });
    }
  }
}
