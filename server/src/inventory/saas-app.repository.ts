import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { SaasAppKey } from './saas-app-key';

/** A SaaS app with how many of its users there are, and how many are active. */
export interface SaasAppCounts {
  id: string;
  name: string;
  presetId: string;
  credentialId: string | null;
  userCount: number;
  activeUserCount: number;
}

/** The SQL of `saas_app`. */
@Injectable()
export class SaasAppRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async listWithCounts(): Promise<SaasAppCounts[]> {
    const rows: { id: string; name: string; preset_id: string; credential_id: string | null; users: string; active: string }[] = await this.dataSource.query(`
      SELECT a.id, a.name, a.preset_id, a.credential_id,
             count(u.id) AS users, count(u.id) FILTER (WHERE u.status = 'active') AS active
      FROM saas_app a LEFT JOIN saas_user u ON u.app_id = a.id
      GROUP BY a.id ORDER BY a.name`);
    return rows.map((r) => ({ id: r.id, name: r.name, presetId: r.preset_id, credentialId: r.credential_id, userCount: Number(r.users), activeUserCount: Number(r.active) }));
  }

  /** The app of this preset, tenant and name, created when there is none yet; returns its id. */
  async ensure(key: SaasAppKey): Promise<string> {
    const [app] = (await this.dataSource.query(
      `INSERT INTO saas_app (preset_id, credential_id, name) VALUES ($1, $2, $3)
       ON CONFLICT (preset_id, credential_id, name) DO UPDATE SET name = EXCLUDED.name RETURNING id`,
      [key.presetId, key.credentialId, key.name],
    )) as { id: string }[];
    return app!.id;
  }
}
