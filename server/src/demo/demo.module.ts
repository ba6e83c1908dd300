import { Module } from '@nestjs/common';
import { CredentialsModule } from '../credentials/credentials.module';
import { IntegrationsModule } from '../integrations/integrations.module';
import { DemoSetupService } from './demo-setup.service';

@Module({ imports: [CredentialsModule, IntegrationsModule], providers: [DemoSetupService] })
export class DemoModule {}
