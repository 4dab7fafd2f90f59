import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Assignment by sector: the daily digest marker, and the indexes the assignment and the relay read by. */
export class Assignment1764500000000 implements MigrationInterface {
  name = 'Assignment1764500000000';

  async up(q: QueryRunner): Promise<void> {
    // Set when the task was listed in its shopper's "tasks assigned" digest; reset when the task leaves the shopper.
    await q.query(`ALTER TABLE task ADD COLUMN digest_sent_at timestamptz`);
    await q.query(`CREATE INDEX task_digest_pending_idx ON task (shopper_id) WHERE status = 'ASSIGNED' AND digest_sent_at IS NULL`);
    await q.query(`CREATE INDEX task_pending_idx ON task (category_id) WHERE status = 'PENDING'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX task_pending_idx`);
    await q.query(`DROP INDEX task_digest_pending_idx`);
    await q.query(`ALTER TABLE task DROP COLUMN digest_sent_at`);
  }
}
