import { Inject, Injectable, type BeforeApplicationShutdown } from '@nestjs/common';
import type { Client, Connection } from '@temporalio/client';
import { DataSource } from 'typeorm';
import { APP_CONFIG } from '../config/config.module';
import type { Env } from '../config/env';
import { VaultCheckService } from '../credentials/vault-check.service';
import { TEMPORAL_CLIENT } from '../temporal/temporal.constants';
import type { Health, ServiceHealth } from './health.schema';

const PROBE_TIMEOUT_MS = 3_000;

async function probe(run: () => Promise<unknown>): Promise<ServiceHealth> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      run(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${PROBE_TIMEOUT_MS} ms`)), PROBE_TIMEOUT_MS);
      }),
    ]);
    return { status: 'up', latencyMs: Math.round(performance.now() - started) };
  } catch (err) {
    return { status: 'down', latencyMs: Math.round(performance.now() - started), error: (err as Error).message };
  } finally {
    clearTimeout(timer);
  }
}

@Injectable()
export class HealthService implements BeforeApplicationShutdown {
  /**
   * Temporal probes still under way. The SDK retries an unreachable server on timers of its own,
   * past the probe's answer; one still pending when the connection closes throws uncaught, so
   * each call has a deadline and shutdown waits for them to end.
   */
  private readonly temporalCalls = new Set<Promise<unknown>>();

  constructor(
    private readonly dataSource: DataSource,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    @Inject(APP_CONFIG) private readonly env: Env,
    private readonly vault: VaultCheckService,
  ) {}

  /** `detailed: false` keeps the vault's report to a count, for callers who are not signed in. */
  async check({ detailed }: { detailed: boolean }): Promise<Health> {
    const [postgres, temporal, vault] = await Promise.all([
      probe(() => this.dataSource.query('SELECT 1')),
      probe(async () => {
        // createTemporalClient always builds the client on a full Connection (not just ConnectionLike).
        const connection = this.temporal.connection as Connection;
        const call = connection.withDeadline(Date.now() + PROBE_TIMEOUT_MS, () => connection.healthService.check({}));
        this.temporalCalls.add(call);
        void call.catch(() => undefined).finally(() => this.temporalCalls.delete(call));
        const { status } = await call;
        // 1 = SERVING in grpc.health.v1.
        if (status !== 1) throw new Error(`Temporal reports status ${String(status)}`);
      }),
      probe(async () => {
        const problem = detailed ? await this.vault.problem() : await this.vault.summary();
        if (problem) throw new Error(problem);
      }),
    ]);
    const services = { postgres, temporal, vault };
    return {
      status: Object.values(services).every((s) => s.status === 'up') ? 'ok' : 'degraded',
      version: this.env.ROLECALL_VERSION,
      services,
    };
  }

  async beforeApplicationShutdown(): Promise<void> {
    await Promise.allSettled([...this.temporalCalls]);
  }
}
