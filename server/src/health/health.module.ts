import { Module } from '@nestjs/common';
import { CredentialsModule } from '../credentials/credentials.module';
import { HealthController } from './health.controller';
import { HealthService } from './health.service';

@Module({ imports: [CredentialsModule], controllers: [HealthController], providers: [HealthService] })
export class HealthModule {}
