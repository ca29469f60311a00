import { LOCALES, MEMBERSHIP_ROLES, ORGANIZATION_KINDS, PLATFORM_ROLES, USER_STATUSES } from '@majlis/identity';
import { graphqlEnum, graphqlEnumUpperCased } from '../common/graphql-enum';

export const OrganizationKindEnum = graphqlEnum(ORGANIZATION_KINDS, 'OrganizationKind');
export type OrganizationKindEnum = (typeof OrganizationKindEnum)[keyof typeof OrganizationKindEnum];
export const PlatformRoleEnum = graphqlEnum(
  PLATFORM_ROLES,
  'PlatformRole',
  'What a person may do on the platform as a whole.',
);
export type PlatformRoleEnum = (typeof PlatformRoleEnum)[keyof typeof PlatformRoleEnum];
export const MembershipRoleEnum = graphqlEnum(
  MEMBERSHIP_ROLES,
  'MembershipRole',
  'A REPRESENTATIVE speaks on behalf of the organisation; a MEMBER takes part in its work.',
);
export type MembershipRoleEnum = (typeof MembershipRoleEnum)[keyof typeof MembershipRoleEnum];
export const UserStatusEnum = graphqlEnum(USER_STATUSES, 'UserStatus');
export type UserStatusEnum = (typeof UserStatusEnum)[keyof typeof UserStatusEnum];

/** Locales in GraphQL's UPPER_CASE; the values are the stored language tags. */
export const LocaleEnum = graphqlEnumUpperCased(LOCALES, 'Locale', 'French, Arabic (right-to-left) or English.');
export type LocaleEnum = (typeof LocaleEnum)[keyof typeof LocaleEnum];
