import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { CredentialsModule } from '../credentials/credentials.module';
import { IntegrationLifecycleService } from './integration-lifecycle.service';
import { IntegrationRunRecorder } from './integration-run-recorder.service';
import { IntegrationRunRepository } from './integration-run.repository';
import { IntegrationRunsService } from './integration-runs.service';
import { IntegrationRepository } from './integration.repository';
import { IntegrationsController } from './integrations.controller';
import { IntegrationsService } from './integrations.service';
import { UserLoadSchedules } from './user-load-schedules';

/** Owns `integration`, `integration_run` and `integration_run_error`; user loads write runs through IntegrationRunRecorder. */
@Module({
  imports: [AuditModule, CredentialsModule],
  controllers: [IntegrationsController],
  providers: [
    IntegrationsService,
    IntegrationLifecycleService,
    IntegrationRunsService,
    IntegrationRunRecorder,
    IntegrationRepository,
    IntegrationRunRepository,
    UserLoadSchedules,
  ],
  exports: [IntegrationsService, IntegrationLifecycleService, IntegrationRunsService, IntegrationRunRecorder],
})
export class IntegrationsModule {}
