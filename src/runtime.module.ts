import { DynamicModule, Global, Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { TokenService } from './auth/tokens/token.service';
import type { TallyConfig } from './config/config';
import { TALLY_CONFIG } from './config/config.module';
import { EVENT_STORE, EventStore } from './event-store/event-store.port';
import { CLOCK, Clock } from './shared/clock';
import { ProjectionsService } from './projections/projections.service';
import { Metrics } from './telemetry/metrics';

/** What Tally starts with, made before Nest (the database may have to be started first). */
export interface TallyRuntime {
  readonly config: TallyConfig;
  readonly dataSource: DataSource;
  readonly eventStore: EventStore;
  readonly clock: Clock;
  readonly metrics: Metrics;
}

@Global()
@Module({})
export class RuntimeModule {
  static forRoot(runtime: TallyRuntime): DynamicModule {
    return {
      module: RuntimeModule,
      providers: [
        { provide: TALLY_CONFIG, useValue: runtime.config },
        { provide: DataSource, useValue: runtime.dataSource },
        { provide: EVENT_STORE, useValue: runtime.eventStore },
        { provide: CLOCK, useValue: runtime.clock },
        { provide: Metrics, useValue: runtime.metrics },
        ProjectionsService,
        // Every context may check a token, and the portal's make them.
        TokenService,
      ],
      exports: [TALLY_CONFIG, DataSource, EVENT_STORE, CLOCK, Metrics, ProjectionsService, TokenService],
    };
  }
}
