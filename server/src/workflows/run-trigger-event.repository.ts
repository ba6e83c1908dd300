import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** The SQL of `run_trigger_event`: which inventory events each launched version has consumed. */
@Injectable()
export class RunTriggerEventRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The highest event id the version consumed, or null before its first. */
  async highest(versionId: string): Promise<string | null> {
    const [r] = (await this.dataSource.query(`SELECT max(event_id)::text AS id FROM run_trigger_event WHERE version_id = $1`, [versionId])) as { id: string | null }[];
    return r?.id ?? null;
  }

  async consumed(versionId: string, eventIds: readonly string[]): Promise<Set<string>> {
    if (eventIds.length === 0) return new Set();
    const rows = (await this.dataSource.query(`SELECT event_id::text AS id FROM run_trigger_event WHERE version_id = $1 AND event_id = ANY($2::bigint[])`, [versionId, eventIds])) as {
      id: string;
    }[];
    return new Set(rows.map((r) => r.id));
  }

  async markConsumed(versionId: string, eventId: string): Promise<void> {
    await this.dataSource.query(`INSERT INTO run_trigger_event (version_id, event_id) VALUES ($1, $2::bigint) ON CONFLICT DO NOTHING`, [versionId, eventId]);
  }
}
