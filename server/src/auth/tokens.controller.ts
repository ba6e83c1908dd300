import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Allow } from './access.decorator';
import { CreatedTokenDto, CreateTokenDto, TokenViewDto } from './auth.dto';
import type { CreatedToken, TokenView } from './auth.schema';
import { CurrentPrincipal } from './current-principal.decorator';
import type { Principal } from './principal';
import { TokensService } from './tokens.service';

const PROBLEM = 'Problem JSON {status, code, message, details?}';

@ApiTags('tokens')
@Controller('tokens')
@Allow('viewer')
export class TokensController {
  constructor(private readonly tokens: TokensService) {}

  @Get()
  @ApiOperation({ summary: 'Your API tokens (an admin sees everyone\'s); never the tokens themselves' })
  @ApiOkResponse({ type: [TokenViewDto] })
  list(@CurrentPrincipal() principal: Principal): Promise<TokenView[]> {
    return this.tokens.list(principal);
  }

  @Post()
  @ApiOperation({ summary: 'Create an API token with a role no higher than yours; the answer is the only time the token is shown' })
  @ApiCreatedResponse({ type: CreatedTokenDto })
  @ApiBadRequestResponse({ description: PROBLEM })
  @ApiForbiddenResponse({ description: `${PROBLEM}: the role is above yours, or the caller is itself a token` })
  create(@CurrentPrincipal() principal: Principal, @Body() body: CreateTokenDto): Promise<CreatedToken> {
    return this.tokens.create(principal, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Revoke a token: it stops working at once' })
  @ApiNoContentResponse({ description: 'Revoked' })
  @ApiNotFoundResponse({ description: PROBLEM })
  async revoke(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    await this.tokens.revoke(principal, id);
  }
}
