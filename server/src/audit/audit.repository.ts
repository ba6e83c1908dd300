import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditEvent } from './audit-event.entity';

/** The SQL of `audit_event`: append-only. */
@Injectable()
export class AuditRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(
    event: Pick<AuditEvent, 'actor' | 'action' | 'subjectType' | 'subjectId' | 'details'>,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<void> {
    await manager.save(AuditEvent, manager.create(AuditEvent, event), { reload: false });
  }
}
