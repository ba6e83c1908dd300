import { Module } from '@nestjs/common';
import { IntegrationsModule } from '../integrations/integrations.module';
import { RunsModule } from '../runs/runs.module';
import { AllRunsController } from './all-runs.controller';
import { AllRunsRepository } from './all-runs.repository';
import { AllRunsService } from './all-runs.service';

/** The Runs page's merged list of user loads and workflow runs; reads both through their services. */
@Module({
  imports: [IntegrationsModule, RunsModule],
  controllers: [AllRunsController],
  providers: [AllRunsService, AllRunsRepository],
})
export class AllRunsModule {}
