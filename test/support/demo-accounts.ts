import type { Actor } from '@majlis/kernel';
import { actorOf, type TestApp } from './test-app';

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

/** Every demo account signed in: its access token, by role. */
export async function signInDemoAccounts(app: TestApp): Promise<Record<keyof typeof ACCOUNTS, string>> {
  const token = {} as Record<keyof typeof ACCOUNTS, string>;
  for (const account of Object.keys(ACCOUNTS) as (keyof typeof ACCOUNTS)[])
    token[account] = (await app.signIn(ACCOUNTS[account])).accessToken;
  return token;
}

/** The sample organisations' ids, by acronym (or, without one, the first word of the name: "Atlas"). */
export async function sampleOrganizationIds(app: TestApp): Promise<Record<string, string>> {
  const org: Record<string, string> = {};
  for (const row of (await app.db.query('SELECT id, acronym, name FROM organizations')).rows)
    org[row.acronym ?? row.name.split(' ')[0]] = row.id;
  return org;
}

/** Every demo account's actor (id, platform role, memberships), as the API builds it on sign-in, by role. */
export async function demoActors(app: TestApp): Promise<Record<keyof typeof ACCOUNTS, Actor>> {
  const actor = {} as Record<keyof typeof ACCOUNTS, Actor>;
  for (const account of Object.keys(ACCOUNTS) as (keyof typeof ACCOUNTS)[])
    actor[account] = await actorOf(app, ACCOUNTS[account]);
  return actor;
}
