import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditEvent } from '../audit/audit-event.entity';
import { VaultModule } from '../vault/vault.module';
import { Credential } from './credential.entity';
import { CredentialsController } from './credentials.controller';
import { CredentialsService } from './credentials.service';
import { KeyRotationService } from './key-rotation.service';

/** The credential vault's REST API and the services that read secrets (resolveForUse) and rotate keys. */
@Module({
  imports: [TypeOrmModule.forFeature([Credential, AuditEvent]), VaultModule],
  controllers: [CredentialsController],
  providers: [CredentialsService, KeyRotationService],
  exports: [CredentialsService, KeyRotationService],
})
export class CredentialsModule {}
