/** French regulatory-style vocabulary for the re-anchoring benchmark corpus (deterministic). */

export const SUBJECTS = [
  'Les établissements de crédit',
  'Les établissements assujettis',
  'Les sociétés de financement',
  'Les banques participatives',
  'Les associations de microcrédit',
  'Les établissements de paiement',
  'Le conseil d’administration',
  'Le comité d’audit',
  'L’organe de direction',
  'Le responsable de la conformité',
  'Les commissaires aux comptes',
  'Les organismes de placement collectif',
];

export const VERBS = [
  'sont tenus de',
  'doivent',
  'veillent à',
  's’assurent de',
  'peuvent',
  'sont autorisés à',
  'ne peuvent',
];

export const ACTIONS = [
  'mettre en place un dispositif de contrôle interne adapté à la nature et au volume de leurs activités',
  'communiquer à Bank Al-Maghrib les informations requises',
  'procéder à une évaluation annuelle des risques auxquels ils sont exposés',
  'tenir une comptabilité conforme au plan comptable des établissements de crédit',
  'désigner un responsable de la conformité rattaché à l’organe de direction',
  'adopter une politique de gestion du risque de liquidité',
  'conserver les pièces justificatives pendant une durée de dix ans',
  'publier leurs états financiers annuels',
  'informer sans délai l’autorité de contrôle de tout incident significatif',
  'constituer des provisions pour créances en souffrance',
  'maintenir un ratio de solvabilité au moins égal au minimum réglementaire',
  'identifier, mesurer et surveiller les risques de concentration',
  'élaborer un plan de continuité de l’activité',
  'soumettre au conseil d’administration un rapport sur le contrôle interne',
  'vérifier l’identité de leurs clients avant toute entrée en relation',
  'déclarer les opérations suspectes à l’unité de traitement du renseignement financier',
  'évaluer la qualité des actifs selon les critères fixés par la présente circulaire',
  'limiter leurs engagements envers un même bénéficiaire',
  'documenter les procédures d’octroi des crédits',
  'assurer la traçabilité des opérations réalisées pour le compte de la clientèle',
];

export const COMPLEMENTS = [
  'dans un délai de trente jours',
  'selon les modalités fixées par la présente circulaire',
  'au plus tard le 31 décembre de chaque année',
  'sur une base individuelle et consolidée',
  'conformément aux normes comptables en vigueur',
  'sous réserve de l’accord préalable de Bank Al-Maghrib',
  'à chaque arrêté trimestriel',
  'selon une périodicité au moins semestrielle',
  'dans les conditions prévues par la loi bancaire',
  'lorsque les circonstances l’exigent',
];

/** Sentence openers; {N} is replaced by an article number, so identical formulas recur. */
export const FORMULAS = [
  'Sans préjudice des dispositions de l’article {N}, ',
  'Conformément aux dispositions de l’article {N}, ',
  'Par dérogation aux dispositions de l’article {N}, ',
  'Sous réserve des dispositions de l’article {N} ci-dessus, ',
  'Au sens de la présente circulaire, ',
  'Pour l’application de l’article {N}, ',
];

/** Whole sentences repeated verbatim across articles. */
export const STOCK_SENTENCES = [
  'Les modalités d’application du présent article sont fixées par instruction de Bank Al-Maghrib.',
  'Les dispositions du présent article s’appliquent sans préjudice des dispositions législatives et réglementaires en vigueur.',
  'Bank Al-Maghrib peut, en tant que de besoin, demander toute information complémentaire.',
  'Le non-respect de ces dispositions expose l’établissement aux sanctions prévues par la loi.',
];

/** Replacement words used by light edits (a word, sometimes two, swapped inside a passage). */
export const REPLACEMENTS = [
  'organismes',
  'entités',
  'dispositifs',
  'mécanismes',
  'modalités',
  'exigences',
  'procédures',
  'obligations',
  'annuelle',
  'trimestrielle',
  'préalable',
  'écrite',
  'suffisante',
  'appropriée',
  'significatif',
  'majeur',
  'quarante-cinq',
  'soixante',
  'quinze',
  'douze',
  'communiquer',
  'transmettre',
  'notifier',
  'établir',
  'notamment',
  'également',
  'toutefois',
  'immédiatement',
];
