import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditRepository } from './audit.repository';
import { SYSTEM_ACTOR } from './system-actor';

/** One audit row: what was done to which subject. `details` never holds secrets. */
export interface AuditEntry {
  /** Dotted verb, e.g. `credential.created`. */
  action: string;
  subjectType: string;
  subjectId: string;
  details: Record<string, unknown>;
  /** Default: the system actor, until authentication lands. */
  actor?: string;
}

/**
 * The one way to write the audit trail. Writers pass their transaction's EntityManager, so an
 * audit row exists exactly when the change it describes was committed.
 */
@Injectable()
export class AuditService {
  constructor(private readonly audit: AuditRepository) {}

  async record(entry: AuditEntry, manager?: EntityManager): Promise<void> {
    const { actor = SYSTEM_ACTOR, ...rest } = entry;
    await this.audit.insert({ actor, ...rest }, manager);
  }
}
