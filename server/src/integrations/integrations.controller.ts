import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query, Res } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiProduces,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { Response } from 'express';
import type { Actor } from '../audit/audit.schema';
import { Allow } from '../auth/access.decorator';
import { CurrentActor } from '../auth/current-principal.decorator';
import { csvRow } from '../inventory/csv';
import {
  CreateIntegrationDto,
  IntegrationPreviewDto,
  IntegrationPreviewRequestDto,
  IntegrationViewDto,
  LoadRunDetailDto,
  LoadRunErrorsQueryDto,
  LoadRunViewDto,
  UpdateIntegrationDto,
} from './integrations.dto';
import type { IntegrationPreview, IntegrationView, LoadRunDetail, LoadRunErrorView, LoadRunView } from './integrations.schema';
import { IntegrationPreviewService } from './integration-preview.service';
import { IntegrationLifecycleService } from './integration-lifecycle.service';
import { LoadRunsService } from './load-runs.service';
import { IntegrationsService } from './integrations.service';

@ApiTags('integrations')
@Controller('integrations')
@Allow('editor')
export class IntegrationsController {
  constructor(
    private readonly integrations: IntegrationsService,
    private readonly lifecycle: IntegrationLifecycleService,
    private readonly integrationRuns: LoadRunsService,
    private readonly previews: IntegrationPreviewService,
  ) {}

  /** The first five vendor users mapped with the given (unsaved) mappings, as a load would store them. */
  @Post('preview')
  @HttpCode(200)
  @ApiOkResponse({ type: IntegrationPreviewDto })
  preview(@Body() body: IntegrationPreviewRequestDto): Promise<IntegrationPreview> {
    return this.previews.preview(body);
  }

  /** Creates a Draft; mappings default to the preset's (or Smart Mapping with `smartMapping: true`). */
  @Post()
  @ApiCreatedResponse({ type: IntegrationViewDto })
  create(@Body() body: CreateIntegrationDto, @CurrentActor() actor: Actor): Promise<IntegrationView> {
    return this.integrations.create(body, actor);
  }

  @Get()
  @Allow('viewer')
  @ApiOkResponse({ type: [IntegrationViewDto] })
  list(): Promise<IntegrationView[]> {
    return this.integrations.list();
  }

  @Get(':id')
  @Allow('viewer')
  @ApiOkResponse({ type: IntegrationViewDto })
  get(@Param('id', ParseUUIDPipe) id: string): Promise<IntegrationView> {
    return this.integrations.get(id);
  }

  @Patch(':id')
  @ApiOkResponse({ type: IntegrationViewDto })
  update(@Param('id', ParseUUIDPipe) id: string, @Body() body: UpdateIntegrationDto, @CurrentActor() actor: Actor): Promise<IntegrationView> {
    return this.integrations.update(id, body, actor);
  }

  @Delete(':id')
  @HttpCode(204)
  remove(@Param('id', ParseUUIDPipe) id: string, @CurrentActor() actor: Actor): Promise<void> {
    return this.integrations.remove(id, actor);
  }

  /** Draft → active (422 listing what is missing); creates the Temporal Schedule. */
  @Post(':id/launch')
  @HttpCode(200)
  @ApiOkResponse({ type: IntegrationViewDto })
  @ApiUnprocessableEntityResponse({ description: 'Settings are missing; `details.missing` lists them' })
  launch(@Param('id', ParseUUIDPipe) id: string, @CurrentActor() actor: Actor): Promise<IntegrationView> {
    return this.lifecycle.launch(id, actor);
  }

  @Post(':id/pause')
  @HttpCode(200)
  @ApiOkResponse({ type: IntegrationViewDto })
  @ApiConflictResponse({ description: 'A draft has no schedule to pause' })
  pause(@Param('id', ParseUUIDPipe) id: string, @CurrentActor() actor: Actor): Promise<IntegrationView> {
    return this.lifecycle.pause(id, actor);
  }

  /** Run now: starts a load at once and returns its run (poll it for progress). */
  @Post(':id/run')
  @HttpCode(202)
  @ApiAcceptedResponse({ type: LoadRunViewDto, description: 'The load was started' })
  @ApiUnprocessableEntityResponse({ description: 'Settings are missing; `details.missing` lists them' })
  @ApiConflictResponse({ description: 'Another run of the integration is still active' })
  run(@Param('id', ParseUUIDPipe) id: string, @CurrentActor() actor: Actor): Promise<LoadRunView> {
    return this.integrationRuns.runNow(id, actor);
  }

  /** A run awaiting confirmation deactivates the users it found missing. */
  @Post(':id/runs/:runId/confirm')
  @HttpCode(202)
  @ApiAcceptedResponse({ type: LoadRunViewDto, description: 'The decision was sent to the load' })
  @ApiConflictResponse({ description: 'The run is not awaiting confirmation' })
  confirm(@Param('id', ParseUUIDPipe) id: string, @Param('runId', ParseUUIDPipe) runId: string, @CurrentActor() actor: Actor): Promise<LoadRunView> {
    return this.integrationRuns.decide(id, runId, 'deactivate', actor);
  }

  /** A run awaiting confirmation completes without deactivating anyone. */
  @Post(':id/runs/:runId/skip-deactivation')
  @HttpCode(202)
  @ApiAcceptedResponse({ type: LoadRunViewDto, description: 'The decision was sent to the load' })
  @ApiConflictResponse({ description: 'The run is not awaiting confirmation' })
  skipDeactivation(@Param('id', ParseUUIDPipe) id: string, @Param('runId', ParseUUIDPipe) runId: string, @CurrentActor() actor: Actor): Promise<LoadRunView> {
    return this.integrationRuns.decide(id, runId, 'skip', actor);
  }

  @Get(':id/runs')
  @Allow('viewer')
  @ApiOkResponse({ type: [LoadRunViewDto] })
  runs(@Param('id', ParseUUIDPipe) id: string): Promise<LoadRunView[]> {
    return this.integrationRuns.list(id);
  }

  /** Status, counts, progress and the error log of skipped/failed records (paged). */
  @Get(':id/runs/:runId')
  @Allow('viewer')
  @ApiOkResponse({ type: LoadRunDetailDto })
  runDetail(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('runId', ParseUUIDPipe) runId: string,
    @Query() query: LoadRunErrorsQueryDto,
  ): Promise<LoadRunDetail> {
    return this.integrationRuns.get(id, runId, query);
  }

  /** The run's error log (or the entries matching `errorsQ`) as CSV: id, email, name, outcome, reason. */
  @Get(':id/runs/:runId/errors.csv')
  @ApiProduces('text/csv')
  async exportErrors(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('runId', ParseUUIDPipe) runId: string,
    @Query() query: LoadRunErrorsQueryDto,
    @Res() res: Response,
  ): Promise<void> {
    const batches = this.integrationRuns.streamErrors(id, runId, query.errorsQ);
    // The first batch is read before the headers, so an unknown run still answers 404 as problem JSON.
    const first = await batches.next();
    res.status(200).type('text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="run-${runId}-errors.csv"`);
    res.write(csvRow(['externalId', 'email', 'firstName', 'lastName', 'outcome', 'reason', 'page']));
    const rows = (batch: LoadRunErrorView[]) =>
      batch.map((e) => csvRow([e.externalId, e.record?.email, e.record?.firstName, e.record?.lastName, e.outcome, e.reason, e.pageIndex + 1])).join('');
    if (!first.done) res.write(rows(first.value));
    for await (const batch of batches) {
      if (!res.write(rows(batch))) await new Promise((resolve) => res.once('drain', resolve));
    }
    res.end();
  }

  /** Cancels a queued or running load (Temporal cancels its workflow); 409 once it has finished. */
  @Post(':id/runs/:runId/cancel')
  @HttpCode(200)
  @ApiOkResponse({ type: LoadRunViewDto, description: 'The run, now cancelled' })
  @ApiConflictResponse({ description: 'The run has already finished' })
  cancelRun(@Param('id', ParseUUIDPipe) id: string, @Param('runId', ParseUUIDPipe) runId: string, @CurrentActor() actor: Actor): Promise<LoadRunView> {
    return this.integrationRuns.cancel(id, runId, actor);
  }

  /** Starts a new run of the same integration once this one has finished; 409 while it is queued or running. */
  @Post(':id/runs/:runId/retry')
  @HttpCode(202)
  @ApiAcceptedResponse({ type: LoadRunViewDto, description: 'The new run was started' })
  @ApiConflictResponse({ description: 'The run is still queued or running' })
  retryRun(@Param('id', ParseUUIDPipe) id: string, @Param('runId', ParseUUIDPipe) runId: string, @CurrentActor() actor: Actor): Promise<LoadRunView> {
    return this.integrationRuns.retry(id, runId, actor);
  }
}
