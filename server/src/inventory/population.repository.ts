import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Rule, RuleRecord } from '@rolecall/workflows/graph';
import { DataSource } from 'typeorm';
import { ruleToSql, SqlParams } from './rule-sql';

/** Whom a run walks: an app's SaaS users matching a rule, optionally narrowed to one event's subject. */
export interface PopulationScope {
  appId: string;
  rule: Rule;
  /** The run's clock for day windows. */
  now: Date;
  /** Event runs: exactly this SaaS user, or the SaaS users of this person. */
  only?: { saasUserId: string } | { personId: string };
}

/** One SaaS user of a population with the facts its rules read. */
export interface PopulationMember {
  saasUserId: string;
  facts: RuleRecord;
}

interface Row {
  id: string;
  external_id: string;
  email: string | null;
  username: string | null;
  first_name: string | null;
  last_name: string | null;
  role: string | null;
  status: 'active' | 'deactivated';
  last_login_at: Date | null;
  vendor_created_at: Date | null;
  deactivated_at: Date | null;
  custom: Record<string, unknown>;
  person_id: string | null;
  p_email: string | null;
  p_status: 'active' | 'offboarded' | null;
  p_role: string | null;
  p_offboarded_at: Date | null;
  p_custom: Record<string, unknown> | null;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** The population SQL of workflow runs over `saas_user` and `person`: the Begin rule as a WHERE, keyset-paged by id. */
@Injectable()
export class PopulationRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async count(scope: PopulationScope): Promise<number> {
    const p = new SqlParams();
    const where = this.where(scope, p);
    const [row] = (await this.dataSource.query(`SELECT count(*)::int AS n FROM saas_user u LEFT JOIN person p ON p.id = u.person_id WHERE ${where}`, p.values)) as { n: number }[];
    return row?.n ?? 0;
  }

  async page(scope: PopulationScope, after: string | null, limit: number): Promise<PopulationMember[]> {
    const p = new SqlParams();
    const where = this.where(scope, p);
    const keyset = after ? ` AND u.id > ${p.add(after)}` : '';
    const rows = (await this.dataSource.query(
      `SELECT u.id, u.external_id, u.email, u.username, u.first_name, u.last_name, u.role, u.status, u.last_login_at,
              u.vendor_created_at, u.deactivated_at, u.custom, u.person_id,
              p.email AS p_email, p.status AS p_status, p.role AS p_role, p.offboarded_at AS p_offboarded_at, p.custom AS p_custom
       FROM saas_user u LEFT JOIN person p ON p.id = u.person_id
       WHERE ${where}${keyset} ORDER BY u.id LIMIT ${p.add(limit)}`,
      p.values,
    )) as Row[];
    return rows.map((r) => ({
      saasUserId: r.id,
      facts: {
        saasUser: {
          externalId: r.external_id,
          email: r.email,
          username: r.username,
          firstName: r.first_name,
          lastName: r.last_name,
          role: r.role,
          status: r.status,
          lastLoginAt: iso(r.last_login_at),
          vendorCreatedAt: iso(r.vendor_created_at),
          deactivatedAt: iso(r.deactivated_at),
          custom: r.custom,
        },
        person:
          r.person_id && r.p_status
            ? { email: r.p_email, status: r.p_status, role: r.p_role, offboardedAt: iso(r.p_offboarded_at), custom: r.p_custom ?? {} }
            : null,
      },
    }));
  }

  private where(scope: PopulationScope, p: SqlParams): string {
    const parts = [`u.app_id = ${p.add(scope.appId)}`, ruleToSql(scope.rule, p, scope.now)];
    if (scope.only && 'saasUserId' in scope.only) parts.push(`u.id = ${p.add(scope.only.saasUserId)}`);
    if (scope.only && 'personId' in scope.only) parts.push(`u.person_id = ${p.add(scope.only.personId)}`);
    return parts.join(' AND ');
  }
}
