import { Injectable } from '@nestjs/common';
import { ErrorCode } from '@rolecall/presets';
import type { Actor } from '../audit/audit.schema';
import { DomainError } from '../common/domain-error';
import { assertReady } from './integration-readiness';
import type { IntegrationView } from './integrations.schema';
import { IntegrationsService } from './integrations.service';
import { UserLoadSchedules } from './user-load-schedules';

/** Launch and pause: an integration's status and its Temporal Schedule, kept in step. */
@Injectable()
export class IntegrationLifecycleService {
  constructor(
    private readonly integrations: IntegrationsService,
    private readonly schedules: UserLoadSchedules,
  ) {}

  /** Draft → active: the integration's Temporal Schedule starts running loads. */
  async launch(id: string, actor: Actor): Promise<IntegrationView> {
    const integration = await this.integrations.find(id);
    assertReady(integration);
    await this.schedules.upsert(integration, false);
    await this.integrations.setStatus(integration, 'active', actor, 'integration.launched', { schedule: integration.schedule });
    return this.integrations.view(integration);
  }

  async pause(id: string, actor: Actor): Promise<IntegrationView> {
    const integration = await this.integrations.find(id);
    if (integration.status === 'draft') throw new DomainError(ErrorCode.Conflict, 'a draft integration has no schedule to pause; launch it first');
    await this.schedules.upsert(integration, true);
    await this.integrations.setStatus(integration, 'paused', actor, 'integration.paused', {});
    return this.integrations.view(integration);
  }
}
