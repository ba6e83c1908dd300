import { Injectable } from '@nestjs/common';
import { CATALOG } from '@rolecall/presets/catalog';
import type { CompileContext, CustomFieldRef } from '@rolecall/workflows/graph';
import type { CompileRefs } from './workflows.schema';
import { CredentialsService } from '../credentials/credentials.service';
import { IntegrationsService } from '../integrations/integrations.service';
import { InventoryService } from '../inventory/inventory.service';

/**
 * Builds what `compile()` checks a graph against from this installation: the preset catalog,
 * credentials (ids, names, presets, auth kinds — never secrets), inventory apps and the custom
 * fields integrations map into (scoped to the app each integration loads).
 */
@Injectable()
export class CompileContextService {
  constructor(
    private readonly credentials: CredentialsService,
    private readonly inventory: InventoryService,
    private readonly integrations: IntegrationsService,
  ) {}

  async build(): Promise<CompileContext> {
    return { catalog: CATALOG, ...(await this.refs()) };
  }

  /** The installation's part of the context; the canvas adds the catalog it bundles. */
  async refs(): Promise<CompileRefs> {
    const [credentials, apps, integrations] = await Promise.all([this.credentials.list(), this.inventory.listApps(), this.integrations.list()]);
    const appIdByName = new Map(apps.map((a) => [a.name, a.id]));
    const customFields: CustomFieldRef[] = integrations.flatMap((i) => {
      const appId = appIdByName.get(i.appName);
      return appId ? i.customFields.map((f) => ({ key: f.key, label: f.label, type: f.type, appId })) : [];
    });
    return {
      credentials: credentials.map((c) => ({ id: c.id, name: c.name, presetId: c.presetId, authKind: c.authKind })),
      apps: apps.map((a) => ({ id: a.id, name: a.name, presetId: a.presetId })),
      customFields,
    };
  }
}
