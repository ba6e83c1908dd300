import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A launched version keeps the canvas graph it was compiled from, so a run view draws the blocks
 * as they were launched. Versions launched before this have none (null) and show as a list.
 */
export class WorkflowVersionGraph1764980000000 implements MigrationInterface {
  name = 'WorkflowVersionGraph1764980000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "workflow_version" ADD "graph" jsonb`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "workflow_version" DROP COLUMN "graph"`);
  }
}
