import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { CredentialsModule } from '../credentials/credentials.module';
import { InstallationModule } from '../installation/installation.module';
import { BootRecoveryService } from './boot-recovery.service';
import { IntegrationLifecycleService } from './integration-lifecycle.service';
import { LoadRunLiveness } from './load-run-liveness.service';
import { LoadRunRecorder } from './load-run-recorder.service';
import { LoadRunRepository } from './load-run.repository';
import { LoadRunsService } from './load-runs.service';
import { IntegrationRepository } from './integration.repository';
import { IntegrationsController } from './integrations.controller';
import { IntegrationsService } from './integrations.service';
import { UserLoadSchedules } from './user-load-schedules';

/** Owns `integration`, `integration_run` and `integration_run_error`; user loads write runs through LoadRunRecorder. */
@Module({
  imports: [AuditModule, CredentialsModule, InstallationModule],
  controllers: [IntegrationsController],
  providers: [
    IntegrationsService,
    IntegrationLifecycleService,
    LoadRunsService,
    LoadRunRecorder,
    IntegrationRepository,
    LoadRunRepository,
    UserLoadSchedules,
    LoadRunLiveness,
    BootRecoveryService,
  ],
  exports: [IntegrationsService, IntegrationLifecycleService, LoadRunsService, LoadRunRecorder],
})
export class IntegrationsModule {}
