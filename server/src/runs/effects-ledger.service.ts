import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Claim, EffectKey, EffectResult, EffectsLedger, InventoryEffect } from '@rolecall/workflows';
import { DataSource } from 'typeorm';
import { InventoryRunService } from '../inventory/inventory-run.service';
import { RunRecordRepository } from './run-record.repository';

/** The EffectsLedger port: run_record rows keyed by (run, node, record), completed together with their inventory effect. */
@Injectable()
export class EffectsLedgerService implements EffectsLedger {
  constructor(
    private readonly records: RunRecordRepository,
    private readonly inventory: InventoryRunService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  claim(key: EffectKey): Promise<Claim> {
    return this.records.claim(key);
  }

  release(key: EffectKey): Promise<void> {
    return this.records.release(key);
  }

  async complete(key: EffectKey, result: EffectResult, inventory: InventoryEffect): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      const completed = await this.records.complete(key, result, m);
      if (completed) await this.inventory.applyEffect(key.saasUserId, inventory, { runId: key.runId, nodeId: key.nodeId }, m);
    });
  }
}
