import type { Motivation } from '@majlis/documents';

/**
 * Illustrative annotations on version 1 of the sample circular, chosen so that publishing version 2 shows every
 * re-anchoring outcome: unchanged (EXACT), renumbered or moved (MOVED), lightly edited (FUZZY), deleted (ORPHANED).
 */
export interface SampleAnnotation {
  readonly author: string;
  /** The passage, found verbatim in version 1's plain text. */
  readonly quote: string;
  readonly motivation: Motivation;
  readonly body: string;
  readonly suggestedText?: string;
  readonly visibility?: 'PUBLIC' | 'ORGANIZATION';
  readonly onBehalfOf?: 'fmo' | 'atlas' | 'invest';
  readonly answer?: { disposition: 'ACCEPTED' | 'PARTIALLY_ACCEPTED' | 'REJECTED' | 'NOTED'; rationale: string };
  /** Replies, each to the previous one (a short thread), the ministry's marked official. */
  readonly replies?: readonly { author: string; body: string; official?: boolean }[];
  readonly endorsedBy?: readonly string[];
}

export const SAMPLE_ANNOTATIONS: readonly SampleAnnotation[] = [
  {
    // The preamble's first two paragraphs stand unchanged, at the same place, in version 2: EXACT.
    author: 'representant@adi.example',
    quote: "simplifie les mécanismes d'accompagnement et offre aux investisseurs une visibilité de long terme",
    motivation: 'COMMENTING',
    body: 'La visibilité de long terme est l’argument que les investisseurs que nous accompagnons citent en premier.',
  },
  {
    author: 'representant@fmo.example',
    onBehalfOf: 'fmo',
    quote: "définit l'Offre Offshoring Maroc applicable aux entreprises exerçant des activités de services à distance",
    motivation: 'COMMENTING',
    body: 'La fédération salue un **champ d’application unique** pour toutes les familles de métiers (CRM, BPO, ITO, KPO, ESO).',
  },
  {
    author: 'membre@fmo.example',
    quote: "Le montant de l'aide est plafonné à 60 000 dirhams par emploi créé",
    motivation: 'QUESTIONING',
    body: 'Ce plafond est-il indexé ? Les profils ESO coûtent nettement plus cher à former que les profils CRM.',
    replies: [
      {
        author: 'representant@fmo.example',
        body: 'La fédération portera la question d’une modulation par famille de métiers.',
      },
      {
        author: 'moderatrice@mtnra.example',
        body: 'Le plafond est relevé à **65 000 dirhams** dans la version 2 ; une modulation par métier sera étudiée avec le comité de suivi.',
        official: true,
      },
    ],
    endorsedBy: ['representant@atlas.example', 'membre@atlas.example'],
  },
  {
    author: 'representant@atlas.example',
    onBehalfOf: 'atlas',
    quote: 'La décision est notifiée dans un délai de 30 jours',
    motivation: 'AMENDING',
    body: 'Un délai plus court donnerait de la visibilité aux investisseurs.',
    suggestedText: 'La décision est notifiée dans un délai de 15 jours',
    answer: {
      disposition: 'PARTIALLY_ACCEPTED',
      rationale:
        'Le délai est ramené à 20 jours dans la version 2 : 15 jours ne permettent pas l’instruction des dossiers complets.',
    },
  },
  {
    author: 'membre@atlas.example',
    quote: "Des zones d'activités offshoring labellisées sont aménagées",
    motivation: 'SUPPORTING',
    body: 'Strongly supported: labelled zones are what our international clients look for first.',
    endorsedBy: ['representant@fmo.example', 'membre@fmo.example', 'representant@adi.example'],
  },
  {
    author: 'representant@fmo.example',
    onBehalfOf: 'fmo',
    quote: "se dotent d'un plan de continuité d'activité couvrant les risques techniques, sanitaires et climatiques",
    motivation: 'OBJECTING',
    body: 'Cette obligation pèse sur les petites entreprises ; elle relève du contrat avec le donneur d’ordre.',
    answer: { disposition: 'ACCEPTED', rationale: 'L’article est supprimé dans la version 2.' },
  },
  {
    author: 'membre@fmo.example',
    visibility: 'ORGANIZATION',
    quote: "l'État contribue à la prise en charge de la charge locative",
    motivation: 'COMMENTING',
    body: 'Note interne à la fédération : vérifier avec nos membres de Fès et d’Oujda si 30 % suffisent hors grandes agglomérations.',
  },
  {
    author: 'representant@adi.example',
    onBehalfOf: 'invest',
    quote: '«دورية رقم 15/2025»',
    motivation: 'COMMENTING',
    body: 'نقترح نشر النص الكامل باللغة العربية إلى جانب النسخة الفرنسية.',
  },
];
