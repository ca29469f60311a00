import { registerEnumType } from '@nestjs/graphql';

export enum OrganizationKindEnum {
  MINISTRY = 'MINISTRY',
  FEDERATION = 'FEDERATION',
  COMPANY = 'COMPANY',
  INSTITUTION = 'INSTITUTION',
}
registerEnumType(OrganizationKindEnum, { name: 'OrganizationKind' });

export enum PlatformRoleEnum {
  ADMIN = 'ADMIN',
  MODERATOR = 'MODERATOR',
  MEMBER = 'MEMBER',
}
registerEnumType(PlatformRoleEnum, { name: 'PlatformRole', description: 'What a person may do on the platform as a whole.' });

export enum MembershipRoleEnum {
  REPRESENTATIVE = 'REPRESENTATIVE',
  MEMBER = 'MEMBER',
}
registerEnumType(MembershipRoleEnum, {
  name: 'MembershipRole',
  description: 'A REPRESENTATIVE speaks on behalf of the organisation; a MEMBER takes part in its work.',
});

export enum UserStatusEnum {
  ACTIVE = 'ACTIVE',
  SUSPENDED = 'SUSPENDED',
  DELETED = 'DELETED',
}
registerEnumType(UserStatusEnum, { name: 'UserStatus' });

/** Locales in GraphQL's UPPER_CASE; the values are the stored language tags. */
export enum LocaleEnum {
  FR = 'fr',
  AR = 'ar',
  EN = 'en',
}
registerEnumType(LocaleEnum, { name: 'Locale', description: 'French, Arabic (right-to-left) or English.' });
