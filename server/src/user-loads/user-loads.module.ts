import { Module } from '@nestjs/common';
import { CredentialsModule } from '../credentials/credentials.module';
import { IntegrationsModule } from '../integrations/integrations.module';
import { InventoryModule } from '../inventory/inventory.module';
import { UserLoadService } from './user-load.service';

/** The steps of a user load; it owns no table: runs, inventory and secrets come through their modules' services. */
@Module({ imports: [CredentialsModule, IntegrationsModule, InventoryModule], providers: [UserLoadService], exports: [UserLoadService] })
export class UserLoadsModule {}
