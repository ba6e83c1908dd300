import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import { ZodValidationPipe } from 'nestjs-zod';
import { AllRunsModule } from './all-runs/all-runs.module';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { ProblemFilter } from './common/problem.filter';
import { ConfigModule } from './config/config.module';
import type { Env } from './config/env';
import { CredentialsModule } from './credentials/credentials.module';
import { dataSourceOptions } from './database/data-source-options';
import { DashboardModule } from './dashboard/dashboard.module';
import { DemoModule } from './demo/demo.module';
import { HealthModule } from './health/health.module';
import { InstallationModule } from './installation/installation.module';
import { IntegrationsModule } from './integrations/integrations.module';
import { InventoryModule } from './inventory/inventory.module';
import { loggerOptions } from './logging/logger-options';
import { PresetsModule } from './presets/presets.module';
import { RunsModule } from './runs/runs.module';
import { TemporalModule } from './temporal/temporal.module';
import { TemporalCodecModule } from './temporal-codec/temporal-codec.module';
import { WorkerModule } from './worker/worker.module';
import { WorkflowsModule } from './workflows/workflows.module';

@Module({})
export class AppModule {
  static forRoot(env: Env, logStream?: DestinationStream): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(env),
        LoggerModule.forRoot(loggerOptions(env, logStream)),
        TypeOrmModule.forRoot({
          ...dataSourceOptions(env.DATABASE_URL),
          migrationsRun: env.ROLECALL_MIGRATE_ON_START,
          retryAttempts: 3,
          retryDelay: 1_000,
        }),
        TemporalModule,
        AuditModule,
        AuthModule,
        InstallationModule,
        TemporalCodecModule,
        HealthModule,
        CredentialsModule,
        InventoryModule,
        PresetsModule,
        IntegrationsModule,
        DashboardModule,
        WorkflowsModule,
        RunsModule,
        AllRunsModule,
        WorkerModule,
        DemoModule,
      ],
      providers: [
        { provide: APP_PIPE, useClass: ZodValidationPipe },
        { provide: APP_FILTER, useClass: ProblemFilter },
      ],
    };
  }
}
