import type { Provider } from '@nestjs/common';
import type { EnginePorts } from '@rolecall/workflows';
import { InventoryRunService } from '../inventory/inventory-run.service';
import { EffectsLedgerService } from './effects-ledger.service';
import { RunSnapshotRepository } from './run-snapshot.repository';
import { RunStoreService } from './run-store.service';
import { VendorClientsService } from './vendor-clients.service';

/** Injection token of the engine's ports (what the worker hands the engine's activities). */
export const ENGINE_PORTS = Symbol('ENGINE_PORTS');

export const enginePortsProvider: Provider = {
  provide: ENGINE_PORTS,
  inject: [RunStoreService, EffectsLedgerService, VendorClientsService, RunSnapshotRepository, InventoryRunService],
  useFactory: (runs: RunStoreService, ledger: EffectsLedgerService, vendors: VendorClientsService, snapshots: RunSnapshotRepository, inventory: InventoryRunService): EnginePorts => ({
    runs,
    ledger,
    vendors,
    snapshots: {
      store: ({ runId, credentialId, users }) => snapshots.store(runId, credentialId, users),
      find: ({ runId, credentialId, externalIds }) => snapshots.find(runId, credentialId, externalIds),
    },
    inventory: {
      setRole: (saasUserId, role) => inventory.setRole(saasUserId, role),
      markMissing: (saasUserId, source) => inventory.markMissing(saasUserId, source),
    },
  }),
};
