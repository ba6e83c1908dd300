import { Module } from '@nestjs/common';
import { CredentialsModule } from '../credentials/credentials.module';
import { UserLoadRepository } from './user-load.repository';
import { UserLoadService } from './user-load.service';

@Module({ imports: [CredentialsModule], providers: [UserLoadService, UserLoadRepository], exports: [UserLoadService] })
export class UserLoadsModule {}
