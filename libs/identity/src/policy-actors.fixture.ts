import { Actor } from '@majlis/kernel';

/**
 * The people of the identity policies' tables: staff, a representative and a member of the organisation `fed`,
 * a member of the unverified organisation `new`, and a representative of another organisation.
 */
export const POLICY_ACTORS = {
  admin: { userId: 'u-admin', platformRole: 'ADMIN', memberships: [] },
  moderator: { userId: 'u-mod', platformRole: 'MODERATOR', memberships: [] },
  representative: {
    userId: 'u-rep',
    platformRole: 'MEMBER',
    memberships: [{ organizationId: 'fed', role: 'REPRESENTATIVE' }],
  },
  member: { userId: 'u-mem', platformRole: 'MEMBER', memberships: [{ organizationId: 'fed', role: 'MEMBER' }] },
  newcomer: { userId: 'u-new', platformRole: 'MEMBER', memberships: [{ organizationId: 'new', role: 'MEMBER' }] },
  outsider: {
    userId: 'u-out',
    platformRole: 'MEMBER',
    memberships: [{ organizationId: 'other', role: 'REPRESENTATIVE' }],
  },
} satisfies Record<string, Actor>;

export type PolicyActorName = keyof typeof POLICY_ACTORS;
export const POLICY_ACTOR_NAMES = Object.keys(POLICY_ACTORS) as PolicyActorName[];

/** Expands a row "actor → expected per action" into one it.each row per (actor, action). */
export function rowsOf<A extends string>(
  table: Record<PolicyActorName, Record<A, boolean>>,
): [PolicyActorName, A, boolean][] {
  return POLICY_ACTOR_NAMES.flatMap((name) =>
    (Object.entries(table[name]) as [A, boolean][]).map(([action, expected]): [PolicyActorName, A, boolean] => [
      name,
      action,
      expected,
    ]),
  );
}

/**
 * A table row's builder for the actions of `decide`: `row(T, F, …)` gives each action, in the order `decide` lists
 * them, its expected answer.
 */
export function rowFor<A extends string>(decide: Record<A, unknown>): (...values: boolean[]) => Record<A, boolean> {
  const actions = Object.keys(decide) as A[];
  return (...values) =>
    Object.fromEntries(actions.map((action, index) => [action, values[index]])) as Record<A, boolean>;
}
