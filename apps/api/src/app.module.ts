import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { TerminusModule } from '@nestjs/terminus';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import { Clock } from '@majlis/kernel';
import { DiscussionsModule } from '@majlis/discussions';
import { DocumentsModule } from '@majlis/documents';
import { AuditModule } from '@majlis/audit';
import { ConsultationsModule } from '@majlis/consultations';
import { ModerationModule } from '@majlis/moderation';
import { NotificationsModule } from '@majlis/notifications';
import { SearchModule } from '@majlis/search';
import { AuthenticationService, IdentityModule } from '@majlis/identity';
import { AppConfig } from './config/app-config';
import { auditOptions } from './database/audit-options';
import { dataSourceOptions } from './database/data-source-options';
import { AccessTokenGuard } from './graphql/auth/access-token.guard';
import { graphqlOptions } from './graphql/graphql.options';
import { RequestLoadersFactory, RequestLoadersModule } from './graphql/loaders/request-loaders.factory';
import { RESOLVERS } from './graphql/resolvers';
import { HealthController } from './health/health.controller';
import { AnnotationExportController } from './http/annotation-export.controller';
import { ConsultationExportController } from './http/consultation-export.controller';
import { DomainErrorFilter } from './http/domain-error.filter';
import { PersonalDataController } from './http/personal-data.controller';
import { DemoAccountsController } from './http/demo-accounts.controller';
import { loggerOptions } from './logging/logger.options';
import { EventBus, LIVE_DATABASE_URL } from './live/event-bus';
import { LiveAccess } from './live/live-access';
import { LiveChecksDatabase } from './live/live-checks-database';
import { LiveFanout } from './live/live-fanout';
import { OutboxController } from './http/outbox.controller';
import { UnsubscribeController } from './http/unsubscribe.controller';

export interface AppModuleOptions {
  readonly config: AppConfig;
  readonly databaseUrl: string;
  readonly clock: Clock;
}

/** Composition only: configuration, database, GraphQL wiring, the domain modules and their resolvers. */
@Module({})
export class AppModule {
  static forRoot({ config, databaseUrl, clock }: AppModuleOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        LoggerModule.forRoot(loggerOptions(config.logLevel)),
        TypeOrmModule.forRoot({
          ...dataSourceOptions(databaseUrl, config.databasePoolSize),
          // Statements are counted (for tests and benchmarks) outside production only.
          ...(config.production ? { logging: false, logger: undefined } : {}),
        }),
        TerminusModule.forRoot({ logger: false }),
        ClockModule.with(clock),
        AuditModule.forRoot(auditOptions(config.audit)),
        ModerationModule.forRoot({ autoHideThreshold: config.moderation.autoHideThreshold }),
        IdentityModule.forRootAsync({
          useFactory: () => ({
            jwtSecret: config.jwtSecret,
            accessTokenTtlSeconds: config.accessTokenTtlSeconds,
            refreshTokenTtlSeconds: config.refreshTokenTtlSeconds,
            refreshTokenReuseGraceSeconds: config.refreshTokenReuseGraceSeconds,
            invitationTtlHours: config.invitationTtlHours,
            signInThrottle: config.signInThrottle,
            passwordReset: config.passwordReset,
          }),
        }),
        DiscussionsModule,
        DocumentsModule,
        ConsultationsModule.forRoot({ minimumGroupSize: config.consultations.minimumGroupSize }),
        SearchModule,
        NotificationsModule.forRoot({
          databaseUrl,
          signingKey: config.jwtSecret,
          publicUrl: config.mail.publicUrl,
          mail: { smtpUrl: config.mail.smtpUrl, from: config.mail.from, outboxDir: config.mail.outboxDir },
          worker: config.worker,
        }),
        GraphQLModule.forRootAsync<ApolloDriverConfig>({
          driver: ApolloDriver,
          imports: [RequestLoadersModule],
          inject: [RequestLoadersFactory, AuthenticationService],
          useFactory: (loaders: RequestLoadersFactory, authentication: AuthenticationService) =>
            graphqlOptions(config, loaders, authentication),
        }),
      ],
      controllers: [
        HealthController,
        AnnotationExportController,
        PersonalDataController,
        ConsultationExportController,
        UnsubscribeController,
        // The e-mails written to files when no SMTP server is configured, listed in development only.
        ...(config.production ? [] : [OutboxController]),
        // The sign-in page lists the demo accounts only in development, with the sample data loaded.
        ...(config.seedSampleData && !config.production ? [DemoAccountsController] : []),
      ],
      providers: [
        { provide: APP_GUARD, useClass: AccessTokenGuard },
        { provide: APP_FILTER, useClass: DomainErrorFilter },
        { provide: LIVE_DATABASE_URL, useValue: databaseUrl },
        EventBus,
        LiveChecksDatabase,
        LiveAccess,
        LiveFanout,
        ...RESOLVERS,
      ],
    };
  }
}

/** The server clock, shared by every domain module (tests substitute a controllable one). */
@Module({})
class ClockModule {
  static with(clock: Clock): DynamicModule {
    return { module: ClockModule, global: true, providers: [{ provide: Clock, useValue: clock }], exports: [Clock] };
  }
}
