import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataSourceOptions } from '../src/database/data-source-options';
import { MIGRATIONS } from '../src/database/migrations';
import { createTestDatabase, type TestDatabase } from './support/test-env';

async function tableNames(ds: DataSource): Promise<string[]> {
  const rows: { table_name: string }[] = await ds.query(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name`,
  );
  return rows.map((r) => r.table_name);
}

describe('database migrations on real Postgres', () => {
  let db: TestDatabase;
  let ds: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase();
    ds = await new DataSource(dataSourceOptions(db.url)).initialize();
  });

  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
  });

  it('applies every migration to an empty database', async () => {
    const applied = await ds.runMigrations({ transaction: 'each' });
    expect(applied.map((m) => m.name)).toEqual(MIGRATIONS.map((m) => m.name));
    expect(await tableNames(ds)).toEqual(expect.arrayContaining(['audit_event', 'migrations']));
    expect(await ds.showMigrations()).toBe(false);
  });

  it('leaves nothing for the entities to change (entities and migrations agree)', async () => {
    const pending = await ds.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((q) => q.query)).toEqual([]);
  });

  it('stores and reads an audit event through the entity', async () => {
    const repo = ds.getRepository('AuditEvent');
    const saved = await repo.save({ actorKind: 'system', actorName: 'system', action: 'test.ran', subjectType: 'test', details: { n: 1 } });
    const found = await repo.findOneByOrFail({ id: saved.id });
    expect(found).toMatchObject({ actorKind: 'system', actorName: 'system', actorId: null, action: 'test.ran', details: { n: 1 } });
    expect(found.at).toBeInstanceOf(Date);
  });

  it('reverts every migration, leaving only the bookkeeping table', async () => {
    for (let i = 0; i < MIGRATIONS.length; i++) await ds.undoLastMigration({ transaction: 'each' });
    expect(await tableNames(ds)).toEqual(['migrations']);
    expect(await ds.showMigrations()).toBe(true);
  });
});
