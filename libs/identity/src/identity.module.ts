import { DynamicModule, InjectionToken, Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { AuthenticationService } from './auth/authentication.service';
import { JwtStrategy } from './auth/jwt.strategy';
import { LocalStrategy } from './auth/local.strategy';
import { SignInThrottleService } from './auth/sign-in-throttle.service';
import { IDENTITY_OPTIONS, IdentityOptions } from './identity.options';
import { InvitationService } from './invitations/invitation.service';
import { MembershipService } from './memberships/membership.service';
import { OrganizationService } from './organizations/organization.service';
import { UserService } from './users/user.service';
import { PasswordResetService } from './password-reset/password-reset.service';
import { PersonalDataRegistry } from './personal-data/personal-data.registry';
import { PersonalDataService } from './personal-data/personal-data.service';

const SERVICES = [
  AuthenticationService,
  OrganizationService,
  UserService,
  MembershipService,
  InvitationService,
  PasswordResetService,
  PersonalDataService,
  PersonalDataRegistry,
];

export interface IdentityModuleAsyncOptions {
  readonly imports?: DynamicModule['imports'];
  readonly inject?: InjectionToken[];
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- Nest factories take their injected values
  readonly useFactory: (...args: any[]) => IdentityOptions | Promise<IdentityOptions>;
}

/**
 * Users, organisations, memberships, invitations and authentication. Needs a TypeORM DataSource and a
 * kernel `Clock` provider from the application.
 */
@Module({})
export class IdentityModule {
  static forRootAsync(options: IdentityModuleAsyncOptions): DynamicModule {
    const optionsProvider = {
      provide: IDENTITY_OPTIONS,
      useFactory: options.useFactory,
      inject: options.inject ?? [],
    };
    return {
      module: IdentityModule,
      global: true,
      imports: [
        ...(options.imports ?? []),
        PassportModule,
        JwtModule.registerAsync({
          imports: options.imports ?? [],
          inject: options.inject ?? [],
          // eslint-disable-next-line @typescript-eslint/no-explicit-any
          useFactory: async (...args: any[]) => ({ secret: (await options.useFactory(...args)).jwtSecret }),
        }),
      ],
      providers: [optionsProvider, SignInThrottleService, LocalStrategy, JwtStrategy, ...SERVICES],
      exports: [IDENTITY_OPTIONS, ...SERVICES],
    };
  }
}
