import { Module } from '@nestjs/common';
import { APP_GUARD, DiscoveryModule } from '@nestjs/core';
import { AuditModule } from '../audit/audit.module';
import { ApiTokenRepository } from './api-token.repository';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { FirstAdminService } from './first-admin.service';
import { RouteAccessCheck } from './route-access.check';
import { SessionsService } from './sessions.service';
import { SignInThrottle } from './sign-in-throttle';
import { TokensController } from './tokens.controller';
import { TokensService } from './tokens.service';
import { UserRepository } from './user.repository';
import { UserSessionRepository } from './user-session.repository';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

/**
 * Owns `app_user`, `user_session` and `api_token`: sign-in, roles, API tokens, and the global
 * guard that refuses every route whose access is not declared or not met.
 */
@Module({
  imports: [AuditModule, DiscoveryModule],
  controllers: [AuthController, UsersController, TokensController],
  providers: [
    { provide: APP_GUARD, useClass: AuthGuard },
    RouteAccessCheck,
    FirstAdminService,
    SessionsService,
    SignInThrottle,
    TokensService,
    UsersService,
    UserRepository,
    UserSessionRepository,
    ApiTokenRepository,
  ],
  exports: [UsersService],
})
export class AuthModule {}
