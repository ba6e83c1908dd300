import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type DeepPartial, type EntityManager } from 'typeorm';
import { Integration } from './integration.entity';
import type { IntegrationStatus } from './integrations.schema';

/** The SQL of `integration`. Methods taking a manager run inside the caller's transaction. */
@Injectable()
export class IntegrationRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** A new, unsaved entity (no SQL): TypeORM fills in the column defaults on save. */
  build(fields: DeepPartial<Integration>): Integration {
    return this.dataSource.manager.create(Integration, fields);
  }

  async list(): Promise<Integration[]> {
    return this.dataSource.manager.find(Integration, { order: { name: 'ASC' } });
  }

  async findById(id: string): Promise<Integration | null> {
    return this.dataSource.manager.findOneBy(Integration, { id });
  }

  async save(integration: Integration, manager: EntityManager): Promise<Integration> {
    return manager.save(Integration, integration);
  }

  async setStatus(id: string, status: IntegrationStatus, manager: EntityManager): Promise<void> {
    await manager.update(Integration, { id }, { status });
  }

  async delete(id: string, manager: EntityManager): Promise<void> {
    await manager.delete(Integration, { id });
  }
}
