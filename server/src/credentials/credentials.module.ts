import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { VaultModule } from '../vault/vault.module';
import { CredentialAadUpgradeService } from './credential-aad-upgrade.service';
import { CredentialRepository } from './credential.repository';
import { CredentialResealService } from './credential-reseal.service';
import { CredentialTestService } from './credential-test.service';
import { CredentialsController } from './credentials.controller';
import { CredentialsService } from './credentials.service';
import { KeyRotationService } from './key-rotation.service';
import { VaultCheckService } from './vault-check.service';

/** Owns `credential`: the vault's REST API and the services that read secrets (resolveForUse) and rotate keys. */
@Module({
  imports: [AuditModule, VaultModule],
  controllers: [CredentialsController],
  providers: [
    CredentialsService,
    CredentialTestService,
    KeyRotationService,
    CredentialResealService,
    CredentialAadUpgradeService,
    CredentialRepository,
    VaultCheckService,
  ],
  exports: [CredentialsService, KeyRotationService, VaultCheckService],
})
export class CredentialsModule {}
