import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { Actor } from '../audit/audit.schema';
import { Allow } from '../auth/access.decorator';
import { CurrentActor } from '../auth/current-principal.decorator';
import { CompileContextService } from './compile-context.service';
import { CompileRefsDto, CreateWorkflowDto, UpdateWorkflowDto, ValidationOkDto, WorkflowListItemDto, WorkflowVersionViewDto, WorkflowViewDto } from './workflows.dto';
import type { CompileRefs, WorkflowListItem, WorkflowVersionView, WorkflowView } from './workflows.schema';
import { WorkflowsService } from './workflows.service';

const PROBLEM = 'Problem JSON';

@ApiTags('workflows')
@Controller('workflows')
@Allow('viewer')
export class WorkflowsController {
  constructor(
    private readonly workflows: WorkflowsService,
    private readonly context: CompileContextService,
  ) {}

  @Post()
  @Allow('editor')
  @ApiCreatedResponse({ type: WorkflowViewDto })
  @ApiBadRequestResponse({ description: `${PROBLEM}: malformed body` })
  @ApiConflictResponse({ description: `${PROBLEM}: the name is taken` })
  create(@Body() body: CreateWorkflowDto, @CurrentActor() actor: Actor): Promise<WorkflowView> {
    return this.workflows.create(body, actor);
  }

  @Get()
  @ApiOkResponse({ type: [WorkflowListItemDto] })
  list(): Promise<WorkflowListItem[]> {
    return this.workflows.list();
  }

  /** Declared before `:id` so the path is not read as a workflow id. */
  @Get('compile-context')
  @ApiOkResponse({ type: CompileRefsDto })
  compileContext(): Promise<CompileRefs> {
    return this.context.refs();
  }

  @Get(':id')
  @ApiOkResponse({ type: WorkflowViewDto })
  @ApiNotFoundResponse({ description: PROBLEM })
  get(@Param('id', ParseUUIDPipe) id: string): Promise<WorkflowView> {
    return this.workflows.get(id);
  }

  /** Saves the draft (any half-built graph); launched versions never change. */
  @Patch(':id')
  @Allow('editor')
  @ApiOkResponse({ type: WorkflowViewDto })
  @ApiBadRequestResponse({ description: `${PROBLEM}: malformed body` })
  @ApiNotFoundResponse({ description: PROBLEM })
  @ApiConflictResponse({ description: `${PROBLEM}: the name is taken` })
  update(@Param('id', ParseUUIDPipe) id: string, @Body() body: UpdateWorkflowDto, @CurrentActor() actor: Actor): Promise<WorkflowView> {
    return this.workflows.update(id, body, actor);
  }

  @Delete(':id')
  @Allow('editor')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Deleted, with its versions, runs and schedule' })
  @ApiNotFoundResponse({ description: PROBLEM })
  remove(@Param('id', ParseUUIDPipe) id: string, @CurrentActor() actor: Actor): Promise<void> {
    return this.workflows.remove(id, actor);
  }

  /** 200 `{ok: true}`, or 422 with every compile error in `details.errors`. */
  @Post(':id/validate')
  @Allow('editor')
  @HttpCode(200)
  @ApiOkResponse({ type: ValidationOkDto })
  @ApiUnprocessableEntityResponse({ description: `${PROBLEM}: compile errors in details.errors` })
  @ApiNotFoundResponse({ description: PROBLEM })
  validate(@Param('id', ParseUUIDPipe) id: string): Promise<{ ok: true }> {
    return this.workflows.validate(id);
  }

  /** Freezes the draft as the next version and points the triggers at it (422 on compile errors). */
  @Post(':id/launch')
  @Allow('editor')
  @HttpCode(200)
  @ApiOkResponse({ type: WorkflowVersionViewDto })
  @ApiUnprocessableEntityResponse({ description: `${PROBLEM}: compile errors in details.errors` })
  @ApiNotFoundResponse({ description: PROBLEM })
  launch(@Param('id', ParseUUIDPipe) id: string, @CurrentActor() actor: Actor): Promise<WorkflowVersionView> {
    return this.workflows.launch(id, actor);
  }

  @Post(':id/pause')
  @Allow('editor')
  @HttpCode(200)
  @ApiOkResponse({ type: WorkflowViewDto })
  @ApiNotFoundResponse({ description: PROBLEM })
  @ApiConflictResponse({ description: `${PROBLEM}: never launched` })
  pause(@Param('id', ParseUUIDPipe) id: string, @CurrentActor() actor: Actor): Promise<WorkflowView> {
    return this.workflows.pause(id, actor);
  }

  @Post(':id/resume')
  @Allow('editor')
  @HttpCode(200)
  @ApiOkResponse({ type: WorkflowViewDto })
  @ApiConflictResponse({ description: `${PROBLEM}: never launched` })
  resume(@Param('id', ParseUUIDPipe) id: string, @CurrentActor() actor: Actor): Promise<WorkflowView> {
    return this.workflows.resume(id, actor);
  }

  @Get(':id/versions')
  @ApiOkResponse({ type: [WorkflowVersionViewDto] })
  @ApiNotFoundResponse({ description: PROBLEM })
  versions(@Param('id', ParseUUIDPipe) id: string): Promise<WorkflowVersionView[]> {
    return this.workflows.versions(id);
  }

  /** One version by id, a dry run's draft snapshot too: what a run view draws. */
  @Get(':id/versions/:versionId')
  @ApiOkResponse({ type: WorkflowVersionViewDto })
  @ApiNotFoundResponse({ description: PROBLEM })
  version(@Param('id', ParseUUIDPipe) id: string, @Param('versionId', ParseUUIDPipe) versionId: string): Promise<WorkflowVersionView> {
    return this.workflows.version(id, versionId);
  }
}
