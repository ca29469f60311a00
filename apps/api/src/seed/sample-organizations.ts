import type { MembershipRole, PlatformRole } from '@majlis/kernel';
import type { Locale, OrganizationKind } from '@majlis/identity';

/**
 * Illustrative sample data: the ministry is the real client; every federation, company and institution below is
 * fictional (marked "exemple"), and every ICE is made up.
 */
export interface SampleOrganization {
  readonly key: string;
  readonly kind: OrganizationKind;
  readonly name: string;
  readonly acronym?: string;
  readonly ice?: string;
  readonly description: string;
  readonly verified: boolean;
  readonly federations?: readonly string[];
}

export const SAMPLE_ORGANIZATIONS: readonly SampleOrganization[] = [
  {
    key: 'ministry',
    kind: 'MINISTRY',
    name: 'Ministère délégué chargé de la Transition numérique et de la Réforme de l’administration',
    acronym: 'MTNRA',
    description: 'Pilote de la stratégie Maroc Digital 2030 et de l’Offre Offshoring Maroc.',
    verified: true,
  },
  {
    key: 'fmo',
    kind: 'FEDERATION',
    name: 'Fédération Marocaine de l’Offshoring (exemple)',
    acronym: 'FMO',
    description: 'Fédération fictive des opérateurs de l’offshoring, pour la démonstration.',
    verified: true,
  },
  {
    key: 'arc',
    kind: 'FEDERATION',
    name: 'Association de la Relation Client (exemple)',
    acronym: 'ARC',
    description: 'Association fictive des centres de relation client (CRM/BPO).',
    verified: true,
  },
  {
    key: 'fsn',
    kind: 'FEDERATION',
    name: 'Fédération des Services Numériques et d’Ingénierie (exemple)',
    acronym: 'FSNI',
    description: 'Fédération fictive des entreprises ITO, KPO et ESO.',
    verified: true,
  },
  {
    key: 'atlas',
    kind: 'COMPANY',
    name: 'Atlas Relation Client SARL (exemple)',
    ice: '001525487000031',
    description: 'CRM, centres de contact multilingues.',
    verified: true,
    federations: ['fmo', 'arc'],
  },
  {
    key: 'bouregreg',
    kind: 'COMPANY',
    name: 'Bouregreg BPO Services (exemple)',
    ice: '002018334000057',
    description: 'BPO : back-office, gestion documentaire.',
    verified: true,
    federations: ['arc'],
  },
  {
    key: 'anfa',
    kind: 'COMPANY',
    name: 'Anfa IT Outsourcing (exemple)',
    ice: '001987120000089',
    description: 'ITO : infogérance et développement applicatif.',
    verified: true,
    federations: ['fmo', 'fsn'],
  },
  {
    key: 'detroit',
    kind: 'COMPANY',
    name: 'Détroit Engineering Services (exemple)',
    ice: '002245610000012',
    description: 'ESO : ingénierie automobile et aéronautique.',
    verified: true,
    federations: ['fsn'],
  },
  {
    key: 'saiss',
    kind: 'COMPANY',
    name: 'Saïss Data & Analytics (exemple)',
    ice: '001764502000046',
    description: 'KPO : analyse de données et études.',
    verified: true,
    federations: ['fsn'],
  },
  {
    key: 'souss',
    kind: 'COMPANY',
    name: 'Souss Contact Center (exemple)',
    ice: '002390871000064',
    description: 'CRM : relation client en arabe, français, anglais et espagnol.',
    verified: true,
    federations: ['arc', 'fmo'],
  },
  {
    key: 'oasis',
    kind: 'COMPANY',
    name: 'Oasis Digital Services (exemple)',
    ice: '002511093000075',
    description: 'Entreprise en cours de vérification par le ministère.',
    verified: false,
    federations: [],
  },
  {
    key: 'invest',
    kind: 'INSTITUTION',
    name: 'Agence de Développement des Investissements (exemple)',
    acronym: 'ADI',
    description: 'Institution fictive chargée de l’accueil des investisseurs.',
    verified: true,
  },
  {
    key: 'training',
    kind: 'INSTITUTION',
    name: 'Office de Formation aux Métiers du Numérique (exemple)',
    acronym: 'OFMN',
    description: 'Institution fictive de formation.',
    verified: true,
  },
];

export interface SampleUser {
  readonly email: string;
  readonly displayName: string;
  readonly platformRole: PlatformRole;
  readonly locale: Locale;
  readonly memberships: readonly { readonly organization: string; readonly role: MembershipRole }[];
  readonly describes: string;
}

/** One demo account per role, all with the demo password below. */
export const SAMPLE_PASSWORD = 'Majlis-demo-2026';

export const SAMPLE_USERS: readonly SampleUser[] = [
  {
    email: 'admin@majlis.example',
    displayName: 'Salma Admin',
    platformRole: 'ADMIN',
    locale: 'fr',
    memberships: [],
    describes: 'platform administrator',
  },
  {
    email: 'moderatrice@mtnra.example',
    displayName: 'Nadia Benali',
    platformRole: 'MODERATOR',
    locale: 'fr',
    memberships: [{ organization: 'ministry', role: 'REPRESENTATIVE' }],
    describes: 'ministry moderator',
  },
  {
    email: 'representant@fmo.example',
    displayName: 'Youssef El Idrissi',
    platformRole: 'MEMBER',
    locale: 'fr',
    memberships: [{ organization: 'fmo', role: 'REPRESENTATIVE' }],
    describes: 'federation representative (FMO)',
  },
  {
    email: 'membre@fmo.example',
    displayName: 'Khadija Amrani',
    platformRole: 'MEMBER',
    locale: 'ar',
    memberships: [{ organization: 'fmo', role: 'MEMBER' }],
    describes: 'federation member (FMO)',
  },
  {
    email: 'representant@atlas.example',
    displayName: 'Omar Tazi',
    platformRole: 'MEMBER',
    locale: 'fr',
    memberships: [{ organization: 'atlas', role: 'REPRESENTATIVE' }],
    describes: 'company representative (Atlas)',
  },
  {
    email: 'membre@atlas.example',
    displayName: 'Claire Martin',
    platformRole: 'MEMBER',
    locale: 'en',
    memberships: [{ organization: 'atlas', role: 'MEMBER' }],
    describes: 'company member (Atlas)',
  },
  {
    email: 'representant@adi.example',
    displayName: 'Hicham Berrada',
    platformRole: 'MEMBER',
    locale: 'fr',
    memberships: [{ organization: 'invest', role: 'REPRESENTATIVE' }],
    describes: 'institution representative (ADI)',
  },
];
