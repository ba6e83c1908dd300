import { Module } from '@nestjs/common';
import { UserLoadsModule } from '../user-loads/user-loads.module';
import { EmbeddedWorkerService } from './embedded-worker.service';

@Module({ imports: [UserLoadsModule], providers: [EmbeddedWorkerService] })
export class WorkerModule {}
