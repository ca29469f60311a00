import { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ConsultationService, ContributionService } from '@majlis/consultations';
import type { Actor } from '@majlis/kernel';

const DAY = 24 * 3600 * 1000;

/** An open consultation on the sample circular, which the FMO federation has joined and started answering. */
export async function seedSampleConsultation(app: INestApplicationContext, actors: Map<string, Actor>): Promise<void> {
  const db = app.get(DataSource);
  const consultations = app.get(ConsultationService);
  const contributions = app.get(ContributionService);
  const moderator = actors.get('moderatrice@mtnra.example')!;
  const [circular] = await db.query(`SELECT id FROM documents WHERE reference = 'Circulaire 15/2025'`);
  const [fmo] = await db.query(`SELECT id FROM organizations WHERE acronym = 'FMO'`);
  const now = Date.now();
  const consultation = await consultations.create(moderator, {
    title: 'Consultation sur la circulaire 15/2025 (exemple)',
    summary: 'Le ministère recueille la position officielle des fédérations et des entreprises sur le texte d’exemple.',
    opensAt: new Date(now - DAY),
    closesAt: new Date(now + 30 * DAY),
    eligibleKinds: ['FEDERATION', 'COMPANY'],
    documentIds: circular ? [circular.id] : [],
    questions: [
      { kind: 'TEXT', prompt: 'Votre appréciation générale du texte', required: true, maxLength: 5000 },
      {
        kind: 'SINGLE_CHOICE',
        prompt: 'Le plafond de l’aide à la formation initiale est-il adapté ?',
        required: true,
        options: ['Oui', 'Non', 'Sans avis'],
        citation: circular ? { documentId: circular.id, versionNumber: 2, sectionKey: 'art-3' } : null,
      },
      { kind: 'MULTI_CHOICE', prompt: 'Vos familles de métiers', options: ['CRM', 'BPO', 'ITO', 'KPO', 'ESO'] },
      { kind: 'SCALE', prompt: 'Clarté du cadre incitatif (1 à 5)' },
    ],
  });
  await consultations.publish(moderator, consultation.id);
  const representative = actors.get('representant@fmo.example')!;
  await consultations.join(representative, consultation.id, fmo.id);
  const draft = await contributions.get(representative, consultation.id, fmo.id);
  const questions = (await consultations.questionsOf([consultation.id])).get(consultation.id)!;
  await contributions.save(representative, consultation.id, fmo.id, {
    version: draft.version,
    consent: 'PUBLIC_NAMED',
    answers: [
      {
        questionId: questions[0].id,
        text: 'Projet de position : la fédération soutient la simplification, sous réserve du plafond.',
      },
    ],
  });
}
