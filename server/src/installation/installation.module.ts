import { Module } from '@nestjs/common';
import { InstallationRepository } from './installation.repository';
import { InstallationService } from './installation.service';

/** Owns `installation`: which installation the database is, and the data dir that belongs to it. */
@Module({ providers: [InstallationService, InstallationRepository], exports: [InstallationService] })
export class InstallationModule {}
