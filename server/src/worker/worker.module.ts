import { Module } from '@nestjs/common';
import { RunsModule } from '../runs/runs.module';
import { UserLoadsModule } from '../user-loads/user-loads.module';
import { EmbeddedWorkerService } from './embedded-worker.service';

@Module({ imports: [UserLoadsModule, RunsModule], providers: [EmbeddedWorkerService] })
export class WorkerModule {}
