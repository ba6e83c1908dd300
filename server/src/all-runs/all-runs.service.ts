import { Injectable } from '@nestjs/common';
import { LoadRunStatusSchema, LoadRunTriggerSchema } from '../integrations/integrations.schema';
import { LoadRunsService } from '../integrations/load-runs.service';
import { RunStatusSchema, RunTriggerKindSchema } from '../runs/runs.schema';
import { RunsService } from '../runs/runs.service';
import type { AllRunsItem, AllRunsQuery } from './all-runs.schema';
import { AllRunsRepository, type RunSourceFilter } from './all-runs.repository';

/** The Runs page's list: user loads and workflow runs merged and paged by the database. */
@Injectable()
export class AllRunsService {
  constructor(
    private readonly repository: AllRunsRepository,
    private readonly loadRuns: LoadRunsService,
    private readonly workflowRuns: RunsService,
  ) {}

  async page(query: AllRunsQuery): Promise<{ items: AllRunsItem[]; total: number }> {
    const [refs, total] = await this.repository.page(sourcesOf(query), (query.page - 1) * query.pageSize, query.pageSize);
    const ids = (kind: string) => refs.filter((r) => r.kind === kind).map((r) => r.id);
    const [loads, runs] = await Promise.all([this.loadRuns.listItems(ids('load')), this.workflowRuns.views(ids('workflow'))]);
    const loadById = new Map(loads.map((l) => [l.id, l]));
    const runById = new Map(runs.map((r) => [r.id, r]));
    // A run deleted between the two reads (its integration or workflow removed) is left out, not failed on.
    const items = refs.flatMap((ref): AllRunsItem[] => {
      const load = ref.kind === 'load' ? loadById.get(ref.id) : undefined;
      if (load) return [{ kind: 'load', run: load }];
      const run = ref.kind === 'workflow' ? runById.get(ref.id) : undefined;
      return run ? [{ kind: 'workflow', run }] : [];
    });
    return { items, total };
  }
}

/**
 * What each source is asked for. A filter value the source does not know (a status or trigger of
 * the other source), an integration (loads only) or a workflow (workflow runs only) rules that source out.
 */
function sourcesOf({ source, status, trigger, integrationId, workflowId }: AllRunsQuery): { loads?: RunSourceFilter; workflows?: RunSourceFilter } {
  const loadStatus = LoadRunStatusSchema.safeParse(status);
  const loadTrigger = LoadRunTriggerSchema.safeParse(trigger);
  const loads = source !== 'workflows' && !workflowId && (!status || loadStatus.success) && (!trigger || loadTrigger.success);
  const runStatus = RunStatusSchema.safeParse(status);
  const runTrigger = RunTriggerKindSchema.safeParse(trigger);
  const workflows = source !== 'loads' && !integrationId && (!status || runStatus.success) && (!trigger || runTrigger.success);
  return {
    ...(loads ? { loads: { status, trigger, integrationId } } : {}),
    ...(workflows ? { workflows: { status, trigger, workflowId } } : {}),
  };
}
