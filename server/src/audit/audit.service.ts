import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditRepository } from './audit.repository';
import type { Actor, AuditFilter, AuditQuery } from './audit.schema';

/** One audit row: who did what to which subject. `details` never holds secrets. */
export interface AuditEntry {
  actor: Actor;
  /** Dotted verb, e.g. `credential.created`. */
  action: string;
  subjectType: string;
  subjectId: string | null;
  details: Record<string, unknown>;
}

/**
 * The one way to write the audit trail. Writers pass their transaction's EntityManager, so an
 * audit row exists exactly when the change it describes was committed.
 */
@Injectable()
export class AuditService {
  constructor(private readonly audit: AuditRepository) {}

  async record(entry: AuditEntry, manager?: EntityManager): Promise<void> {
    const { actor, ...rest } = entry;
    await this.audit.insert(
      { actorKind: actor.kind, actorId: actor.kind === 'system' ? null : actor.id, actorName: actor.name, ...rest },
      manager,
    );
  }

  /** Recent rows of one action about one detail value (e.g. failed sign-ins from an address). */
  countRecent(action: string, detail: { key: string; value: string }, since: Date) {
    return this.audit.countRecent(action, detail.key, detail.value, since);
  }

  list(query: AuditQuery) {
    return this.audit.page(query);
  }

  stream(filter: AuditFilter) {
    return this.audit.stream(filter);
  }
}
