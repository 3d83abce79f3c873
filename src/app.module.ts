import { DynamicModule, Module, Type } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { AuditModule } from './audit';
import { AuthGuard } from './auth/auth.guard';
import { RateLimitGuard } from './auth/rate-limit.guard';
import { BillingModule } from './billing';
import { CatalogModule } from './catalog';
import { CustomersModule } from './customers';
import { EntitlementsModule } from './entitlements';
import { SessionService } from './auth/sessions/session.service';
import { SessionsController } from './auth/sessions/sessions.controller';
import { TokensController } from './auth/tokens/tokens.controller';
import { RuntimeModule, TallyRuntime } from './runtime.module';
import { HealthController } from './health/health.controller';
import { IngestionModule } from './ingestion';
import { MeteringModule } from './metering';
import { ProjectionsController } from './projections/admin/projections.controller';
import { ProblemFilter } from './shared/http/problem.filter';

/** The bounded contexts, each a Nest module that registers its controllers, handlers and projections. */
const FEATURE_MODULES: Type[] = [
  CatalogModule,
  CustomersModule,
  EntitlementsModule,
  AuditModule,
  IngestionModule,
  MeteringModule,
  BillingModule,
];

@Module({})
export class AppModule {
  static forRoot(runtime: TallyRuntime): DynamicModule {
    return {
      module: AppModule,
      imports: [RuntimeModule.forRoot(runtime), CqrsModule.forRoot(), ...FEATURE_MODULES],
      controllers: [HealthController, TokensController, SessionsController, ProjectionsController],
      providers: [
        SessionService,
        // Guards run in this order: the rate limit first, so requests with bad tokens are limited too.
        { provide: APP_GUARD, useClass: RateLimitGuard },
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_FILTER, useClass: ProblemFilter },
      ],
    };
  }
}
