import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The Home dashboard charts workflow runs by the day they finished. */
export class WorkflowRunFinishedIndex1764930000000 implements MigrationInterface {
  name = 'WorkflowRunFinishedIndex1764930000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX "idx_workflow_run_finished" ON "workflow_run" ("finished_at")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "idx_workflow_run_finished"`);
  }
}
