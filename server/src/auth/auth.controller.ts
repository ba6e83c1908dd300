import { Body, Controller, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { ErrorCode } from '@rolecall/presets';
import type { Request, Response } from 'express';
import { DomainError } from '../common/domain-error';
import { Allow, Public } from './access.decorator';
import { clearSessionCookies, setSessionCookies } from './auth-cookies';
import { ChangePasswordDto, LoginDto, MeDto } from './auth.dto';
import type { Me } from './auth.schema';
import { CurrentPrincipal } from './current-principal.decorator';
import type { Principal } from './principal';
import { SessionsService } from './sessions.service';
import { UsersService } from './users.service';

const PROBLEM = 'Problem JSON {status, code, message, details?}';

const me = (p: Principal): Me => ({ id: p.user.id, email: p.user.email, name: p.user.name, role: p.role, via: p.via });

@ApiTags('auth')
@Controller()
export class AuthController {
  constructor(
    private readonly sessions: SessionsService,
    private readonly users: UsersService,
  ) {}

  @Post('auth/login')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Sign in: sets the httpOnly session cookie and the readable rolecall_csrf cookie whose value writes send as X-CSRF-Token' })
  @ApiOkResponse({ type: MeDto })
  @ApiBadRequestResponse({ description: PROBLEM })
  @ApiUnauthorizedResponse({ description: `${PROBLEM}: the email or password is wrong` })
  @ApiTooManyRequestsResponse({ description: `${PROBLEM}: the account is locked, or this address failed too often` })
  async login(@Body() body: LoginDto, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<Me> {
    const signedIn = await this.sessions.signIn(body, req.ip ?? 'unknown');
    setSessionCookies(req, res, signedIn.token, signedIn.expires);
    return me(signedIn.principal);
  }

  @Post('auth/logout')
  @Allow('viewer')
  @HttpCode(204)
  @ApiOperation({ summary: 'Sign out: ends this session on the server' })
  @ApiNoContentResponse({ description: 'Signed out' })
  @ApiForbiddenResponse({ description: `${PROBLEM}: the caller is an API token, which has no session (revoke it instead)` })
  async logout(@CurrentPrincipal() principal: Principal, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<void> {
    await this.sessions.signOut(principal);
    clearSessionCookies(req, res);
  }

  @Get('me')
  @Allow('viewer')
  @ApiOperation({ summary: 'Who is calling, and with which role' })
  @ApiOkResponse({ type: MeDto })
  whoAmI(@CurrentPrincipal() principal: Principal): Me {
    return me(principal);
  }

  @Post('me/password')
  @Allow('viewer')
  @HttpCode(204)
  @ApiOperation({ summary: 'Change your own password: every session of yours ends, this browser gets a new one' })
  @ApiNoContentResponse({ description: 'Changed' })
  @ApiBadRequestResponse({ description: `${PROBLEM}: the new password is too short` })
  @ApiForbiddenResponse({ description: `${PROBLEM}: the current password is wrong, or the caller is an API token` })
  async changePassword(
    @CurrentPrincipal() principal: Principal,
    @Body() body: ChangePasswordDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<void> {
    if (principal.via !== 'session') throw new DomainError(ErrorCode.Forbidden, 'passwords are changed by the signed-in user, not with an API token');
    await this.users.changeOwnPassword(principal, body);
    const signedIn = await this.sessions.open({ ...principal.user, role: principal.role });
    setSessionCookies(req, res, signedIn.token, signedIn.expires);
  }
}
