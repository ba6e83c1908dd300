import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Actor } from '../audit/audit.schema';
import { Allow } from '../auth/access.decorator';
import { CurrentActor } from '../auth/current-principal.decorator';
import {
  CreateCredentialDto,
  CredentialDto,
  CredentialTestResultDto,
  ListCredentialsQueryDto,
  UpdateCredentialDto,
} from './credentials.dto';
import type { CredentialTestResult, CredentialView } from './credentials.schema';
import { CredentialTestService } from './credential-test.service';
import { CredentialsService } from './credentials.service';

const PROBLEM = 'Problem JSON {status, code, message, details?}';

@ApiTags('credentials')
@Controller('credentials')
@Allow('admin')
export class CredentialsController {
  constructor(
    private readonly credentials: CredentialsService,
    private readonly tests: CredentialTestService,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Store a credential; secret fields are encrypted and never returned' })
  @ApiCreatedResponse({ type: CredentialDto })
  @ApiBadRequestResponse({ description: `${PROBLEM}: malformed body, unknown preset, missing or unknown field` })
  @ApiConflictResponse({ description: `${PROBLEM}: the name is taken` })
  create(@Body() body: CreateCredentialDto, @CurrentActor() actor: Actor): Promise<CredentialView> {
    return this.credentials.create(body, actor);
  }

  @Get()
  @Allow('viewer')
  @ApiOperation({ summary: 'List credentials (secrets as masks)' })
  @ApiOkResponse({ type: [CredentialDto] })
  list(@Query() query: ListCredentialsQueryDto): Promise<CredentialView[]> {
    return this.credentials.list(query);
  }

  @Get(':id')
  @Allow('viewer')
  @ApiOkResponse({ type: CredentialDto })
  @ApiNotFoundResponse({ description: PROBLEM })
  get(@Param('id', ParseUUIDPipe) id: string): Promise<CredentialView> {
    return this.credentials.get(id);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Rename, move or change fields; given fields replace those values, others are kept' })
  @ApiOkResponse({ type: CredentialDto })
  @ApiBadRequestResponse({ description: PROBLEM })
  @ApiNotFoundResponse({ description: PROBLEM })
  @ApiConflictResponse({ description: `${PROBLEM}: the name is taken` })
  update(@Param('id', ParseUUIDPipe) id: string, @Body() body: UpdateCredentialDto, @CurrentActor() actor: Actor): Promise<CredentialView> {
    return this.credentials.update(id, body, actor);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiNotFoundResponse({ description: PROBLEM })
  async remove(@Param('id', ParseUUIDPipe) id: string, @CurrentActor() actor: Actor): Promise<void> {
    await this.credentials.remove(id, actor);
  }

  @Post('test')
  @HttpCode(200)
  @ApiOperation({ summary: 'Test settings before saving them (the create body); nothing is stored' })
  @ApiOkResponse({ type: CredentialTestResultDto })
  @ApiBadRequestResponse({ description: PROBLEM })
  testUnsaved(@Body() body: CreateCredentialDto): Promise<CredentialTestResult> {
    return this.tests.testUnsaved(body);
  }

  @Post(':id/test')
  @HttpCode(200)
  @ApiOperation({
    summary: "Run the preset's cheapest authenticated call; a failing test is ok=false with the reason, still HTTP 200",
  })
  @ApiOkResponse({ type: CredentialTestResultDto })
  @ApiConflictResponse({ description: `${PROBLEM}: the stored secret cannot be decrypted; restore the vault key file or enter the secret fields again` })
  @ApiNotFoundResponse({ description: PROBLEM })
  test(@Param('id', ParseUUIDPipe) id: string, @CurrentActor() actor: Actor): Promise<CredentialTestResult> {
    return this.tests.test(id, actor);
  }
}
