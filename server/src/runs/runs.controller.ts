import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBadRequestResponse, ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiProduces, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Actor } from '../audit/audit.schema';
import { Allow } from '../auth/access.decorator';
import { CurrentActor } from '../auth/current-principal.decorator';
import { csvRow } from '../inventory/csv';
import { RunPageDto, RunQueryDto, RunRecordFilterDto, RunRecordPageDto, RunRecordQueryDto, RunViewDto, StartRunDto } from './runs.dto';
import type { RunRecordView, RunView } from './runs.schema';
import { RunsService } from './runs.service';

const PROBLEM = 'Problem JSON';
const CSV_COLUMNS = ['nodeId', 'block', 'externalId', 'email', 'outcome', 'vendorStatus', 'message', 'at'] as const satisfies readonly (keyof RunRecordView)[];

@ApiTags('runs')
@Controller()
@Allow('viewer')
export class RunsController {
  constructor(private readonly runs: RunsService) {}

  /** Run now (`live`) or Dry run of the latest launched version, or a dry run of the draft; poll the run for progress. */
  @Post('workflows/:id/runs')
  @Allow('editor')
  @HttpCode(202)
  @ApiAcceptedResponse({ type: RunViewDto, description: 'The run was started' })
  @ApiBadRequestResponse({ description: `${PROBLEM}: unknown mode` })
  @ApiNotFoundResponse({ description: PROBLEM })
  @ApiConflictResponse({ description: `${PROBLEM}: the workflow was never launched` })
  @ApiUnprocessableEntityResponse({ description: `${PROBLEM}: the draft of a dry run of the draft does not compile (details.errors)` })
  start(@Param('id', ParseUUIDPipe) id: string, @Body() body: StartRunDto, @CurrentActor() actor: Actor): Promise<RunView> {
    return this.runs.start(id, body, actor);
  }

  @Get('runs')
  @ApiOkResponse({ type: RunPageDto })
  @ApiBadRequestResponse({ description: `${PROBLEM}: malformed filter` })
  list(@Query() query: RunQueryDto): Promise<RunPageDto> {
    return this.runs.list(query);
  }

  /** Status, version, trigger, per-node counts by outcome and progress. */
  @Get('runs/:id')
  @ApiOkResponse({ type: RunViewDto })
  @ApiNotFoundResponse({ description: PROBLEM })
  get(@Param('id', ParseUUIDPipe) id: string): Promise<RunView> {
    return this.runs.get(id);
  }

  /** What each node decided for each record, with the vendor's status and message on failures. */
  @Get('runs/:id/records')
  @ApiOkResponse({ type: RunRecordPageDto })
  @ApiNotFoundResponse({ description: PROBLEM })
  records(@Param('id', ParseUUIDPipe) id: string, @Query() query: RunRecordQueryDto): Promise<RunRecordPageDto> {
    return this.runs.listRecords(id, query);
  }

  @Get('runs/:id/records.csv')
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: "The run's records as CSV: every one, or one node's or outcome's" })
  @ApiBadRequestResponse({ description: `${PROBLEM}: malformed filter` })
  @ApiNotFoundResponse({ description: PROBLEM })
  async recordsCsv(@Param('id', ParseUUIDPipe) id: string, @Query() filter: RunRecordFilterDto, @Res() res: Response): Promise<void> {
    const batches = this.runs.streamRecords(id, filter);
    const first = await batches.next();
    res.status(200).type('text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="run-${id}-records.csv"`);
    res.write(csvRow(CSV_COLUMNS));
    for (let batch = first; !batch.done; batch = await batches.next()) {
      const chunk = batch.value.map((r) => csvRow(CSV_COLUMNS.map((c) => r[c]))).join('');
      if (!res.write(chunk)) await new Promise((resolve) => res.once('drain', resolve));
    }
    res.end();
  }

  @Post('runs/:id/approve')
  @Allow('editor')
  @HttpCode(200)
  @ApiOkResponse({ type: RunViewDto })
  @ApiNotFoundResponse({ description: PROBLEM })
  @ApiConflictResponse({ description: `${PROBLEM}: the run is not awaiting approval` })
  approve(@Param('id', ParseUUIDPipe) id: string, @CurrentActor() actor: Actor): Promise<RunView> {
    return this.runs.approve(id, actor);
  }

  @Post('runs/:id/cancel')
  @Allow('editor')
  @HttpCode(200)
  @ApiOkResponse({ type: RunViewDto })
  @ApiNotFoundResponse({ description: PROBLEM })
  @ApiConflictResponse({ description: `${PROBLEM}: the run has already finished` })
  cancel(@Param('id', ParseUUIDPipe) id: string, @CurrentActor() actor: Actor): Promise<RunView> {
    return this.runs.cancel(id, actor);
  }
}
