import { Module } from '@nestjs/common';
import { CredentialsModule } from '../credentials/credentials.module';
import { IntegrationsController } from './integrations.controller';
import { IntegrationsService } from './integrations.service';
import { UserLoadSchedules } from './user-load-schedules';

@Module({ imports: [CredentialsModule], controllers: [IntegrationsController], providers: [IntegrationsService, UserLoadSchedules], exports: [IntegrationsService] })
export class IntegrationsModule {}
