import type { SpaceRole } from '../graphql/generated/graphql';

/** The roles in a space, weakest first (as they are offered in the forms). */
export const SPACE_ROLES: readonly SpaceRole[] = ['OBSERVER', 'PARTICIPANT', 'MODERATOR', 'OWNER'];
