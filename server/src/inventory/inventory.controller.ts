import { Body, Controller, Delete, Get, Param, ParseUUIDPipe, Patch, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { csvRow } from './csv';
import {
  PersonPageDto,
  PersonPatchDto,
  PersonQueryDto,
  SaasAppListDto,
  SaasUserPageDto,
  SaasUserPatchDto,
  SaasUserFilterDto,
  SaasUserQueryDto,
} from './inventory.dto';
import type { InventoryEventView, PersonView, SaasAppView, SaasUserView } from './inventory.schema';
import { InventoryService } from './inventory.service';
import type { Actor } from '../audit/audit.schema';
import { Allow } from '../auth/access.decorator';
import { CurrentActor } from '../auth/current-principal.decorator';

const CSV_COLUMNS = [
  'appName', 'externalId', 'username', 'email', 'firstName', 'lastName', 'role', 'status',
  'deactivatedAt', 'lastLoginAt', 'vendorCreatedAt', 'syncedAt', 'firstSeenAt', 'lastSeenAt', 'custom',
] as const satisfies readonly (keyof SaasUserView)[];

@ApiTags('inventory')
@Controller()
@Allow('viewer')
export class InventoryController {
  constructor(private readonly inventory: InventoryService) {}

  @Get('saas-apps')
  @ApiOkResponse({ type: SaasAppListDto })
  listApps(): Promise<SaasAppView[]> {
    return this.inventory.listApps();
  }

  @Get('saas-users')
  @ApiOkResponse({ type: SaasUserPageDto })
  async listSaasUsers(@Query() query: SaasUserQueryDto): Promise<SaasUserPageDto> {
    const [{ items, total }, customFieldLabels] = await Promise.all([this.inventory.listSaasUsers(query), this.inventory.customFieldLabels(query.app)]);
    return { items, total, page: query.page, pageSize: query.pageSize, customFieldLabels };
  }

  /** Every SaaS user matching the filters (paging ignored), streamed as CSV. */
  @Get('saas-users.csv')
  @ApiProduces('text/csv')
  async exportSaasUsers(@Query() query: SaasUserFilterDto, @Res() res: Response): Promise<void> {
    res.status(200).type('text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', 'attachment; filename="saas-users.csv"');
    // After the fixed columns (custom as JSON), one column per custom field, so a spreadsheet can filter by it.
    // Headed by the field's label; a field no integration labels keeps `custom.<key>`, which cannot clash with a fixed column.
    const [customKeys, labels] = await Promise.all([this.inventory.customKeys(query), this.inventory.customFieldLabels(query.app)]);
    res.write(csvRow([...CSV_COLUMNS, ...customKeys.map((k) => labels[k] ?? `custom.${k}`)]));
    for await (const batch of this.inventory.streamSaasUsers(query)) {
      const chunk = batch.map((u) => csvRow([...CSV_COLUMNS.map((c) => u[c]), ...customKeys.map((k) => u.custom[k])])).join('');
      if (!res.write(chunk)) await new Promise((resolve) => res.once('drain', resolve));
    }
    res.end();
  }

  /**
   * Deactivate (or restore) a SaaS user record by hand; emits the same event a load would. The
   * status stays a pending intent, kept by loads, until the vendor reports the same status.
   */
  // Like PATCH, these answer the schemas of `@rolecall/server/api` (SaasUserView, PersonView, InventoryEventView).
  @Get('saas-users/:id')
  getSaasUser(@Param('id', ParseUUIDPipe) id: string): Promise<SaasUserView> {
    return this.inventory.getSaasUser(id);
  }

  /** Its history: created, deactivated and reactivated by loads, admins or workflows, newest first. */
  @Get('saas-users/:id/events')
  saasUserHistory(@Param('id', ParseUUIDPipe) id: string): Promise<InventoryEventView[]> {
    return this.inventory.saasUserHistory(id);
  }

  @Get('people/:id')
  getPerson(@Param('id', ParseUUIDPipe) id: string): Promise<PersonView> {
    return this.inventory.getPerson(id);
  }

  /** The person's history and that of each of their accounts, newest first. */
  @Get('people/:id/events')
  personHistory(@Param('id', ParseUUIDPipe) id: string): Promise<InventoryEventView[]> {
    return this.inventory.personHistory(id);
  }

  @Patch('saas-users/:id')
  @Allow('editor')
  patchSaasUser(@Param('id', ParseUUIDPipe) id: string, @Body() body: SaasUserPatchDto, @CurrentActor() actor: Actor): Promise<SaasUserView> {
    return this.inventory.setSaasUserStatus(id, body.status, actor);
  }

  /** Drop a pending manual status (intent): the next load takes the vendor's status again. */
  @Delete('saas-users/:id/manual-status')
  @Allow('editor')
  clearSaasUserIntent(@Param('id', ParseUUIDPipe) id: string, @CurrentActor() actor: Actor): Promise<SaasUserView> {
    return this.inventory.clearSaasUserIntent(id, actor);
  }

  @Get('people')
  @ApiOkResponse({ type: PersonPageDto })
  async listPeople(@Query() query: PersonQueryDto): Promise<PersonPageDto> {
    const { items, total } = await this.inventory.listPeople(query);
    return { items, total, page: query.page, pageSize: query.pageSize };
  }

  /** Offboard (or restore) a person by hand; offboarding emits `person.offboarded`. */
  @Patch('people/:id')
  @Allow('editor')
  patchPerson(@Param('id', ParseUUIDPipe) id: string, @Body() body: PersonPatchDto, @CurrentActor() actor: Actor): Promise<PersonView> {
    return this.inventory.setPersonStatus(id, body.status, actor);
  }
}
