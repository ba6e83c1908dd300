import { Module } from '@nestjs/common';
import { VaultService } from './vault.service';

/** Master keys and AES-256-GCM sealing; credentials (and anything else secret) build on it. */
@Module({ providers: [VaultService], exports: [VaultService] })
export class VaultModule {}
