import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  CreateIntegrationDto,
  IntegrationViewDto,
  LoadRunDetailDto,
  LoadRunErrorsQueryDto,
  LoadRunViewDto,
  UpdateIntegrationDto,
} from './integrations.dto';
import type { IntegrationView, LoadRunDetail, LoadRunView } from './integrations.schema';
import { IntegrationLifecycleService } from './integration-lifecycle.service';
import { LoadRunsService } from './load-runs.service';
import { IntegrationsService } from './integrations.service';

@ApiTags('integrations')
@Controller('integrations')
export class IntegrationsController {
  constructor(
    private readonly integrations: IntegrationsService,
    private readonly lifecycle: IntegrationLifecycleService,
    private readonly integrationRuns: LoadRunsService,
  ) {}

  /** Creates a Draft; mappings default to the preset's (or Smart Mapping with `smartMapping: true`). */
  @Post()
  @ApiCreatedResponse({ type: IntegrationViewDto })
  create(@Body() body: CreateIntegrationDto): Promise<IntegrationView> {
    return this.integrations.create(body);
  }

  @Get()
  @ApiOkResponse({ type: [IntegrationViewDto] })
  list(): Promise<IntegrationView[]> {
    return this.integrations.list();
  }

  @Get(':id')
  @ApiOkResponse({ type: IntegrationViewDto })
  get(@Param('id', ParseUUIDPipe) id: string): Promise<IntegrationView> {
    return this.integrations.get(id);
  }

  @Patch(':id')
  @ApiOkResponse({ type: IntegrationViewDto })
  update(@Param('id', ParseUUIDPipe) id: string, @Body() body: UpdateIntegrationDto): Promise<IntegrationView> {
    return this.integrations.update(id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  remove(@Param('id', ParseUUIDPipe) id: string): Promise<void> {
    return this.integrations.remove(id);
  }

  /** Draft → active (422 listing what is missing); creates the Temporal Schedule. */
  @Post(':id/launch')
  @HttpCode(200)
  @ApiOkResponse({ type: IntegrationViewDto })
  launch(@Param('id', ParseUUIDPipe) id: string): Promise<IntegrationView> {
    return this.lifecycle.launch(id);
  }

  @Post(':id/pause')
  @HttpCode(200)
  @ApiOkResponse({ type: IntegrationViewDto })
  pause(@Param('id', ParseUUIDPipe) id: string): Promise<IntegrationView> {
    return this.lifecycle.pause(id);
  }

  /** Run now: starts a load at once and returns its run (poll it for progress). */
  @Post(':id/run')
  @HttpCode(202)
  @ApiOkResponse({ type: LoadRunViewDto })
  run(@Param('id', ParseUUIDPipe) id: string): Promise<LoadRunView> {
    return this.integrationRuns.runNow(id);
  }

  /** A run awaiting confirmation deactivates the users it found missing. */
  @Post(':id/runs/:runId/confirm')
  @HttpCode(202)
  @ApiOkResponse({ type: LoadRunViewDto })
  confirm(@Param('id', ParseUUIDPipe) id: string, @Param('runId', ParseUUIDPipe) runId: string): Promise<LoadRunView> {
    return this.integrationRuns.decide(id, runId, 'deactivate');
  }

  /** A run awaiting confirmation completes without deactivating anyone. */
  @Post(':id/runs/:runId/skip-deactivation')
  @HttpCode(202)
  @ApiOkResponse({ type: LoadRunViewDto })
  skipDeactivation(@Param('id', ParseUUIDPipe) id: string, @Param('runId', ParseUUIDPipe) runId: string): Promise<LoadRunView> {
    return this.integrationRuns.decide(id, runId, 'skip');
  }

  @Get(':id/runs')
  @ApiOkResponse({ type: [LoadRunViewDto] })
  runs(@Param('id', ParseUUIDPipe) id: string): Promise<LoadRunView[]> {
    return this.integrationRuns.list(id);
  }

  /** Status, counts, progress and the error log of skipped/failed records (paged). */
  @Get(':id/runs/:runId')
  @ApiOkResponse({ type: LoadRunDetailDto })
  runDetail(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('runId', ParseUUIDPipe) runId: string,
    @Query() query: LoadRunErrorsQueryDto,
  ): Promise<LoadRunDetail> {
    return this.integrationRuns.get(id, runId, query.errorsPage, query.errorsPageSize);
  }
}
