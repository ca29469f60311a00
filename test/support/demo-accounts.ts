/** The sample data's demo accounts, by the role each plays in the tests. */
export const ACCOUNTS = {
  admin: 'admin@majlis.example',
  moderator: 'moderatrice@mtnra.example',
  federationRepresentative: 'representant@fmo.example',
  federationMember: 'membre@fmo.example',
  companyRepresentative: 'representant@atlas.example',
  companyMember: 'membre@atlas.example',
  otherRepresentative: 'representant@adi.example',
} as const;

export type Role = keyof typeof ACCOUNTS | 'anonymous';
