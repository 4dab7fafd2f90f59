import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Mystery shoppers, their tasks (assigned by sector) and their evaluations. */
export class ShoppersAndTasks1764400000000 implements MigrationInterface {
  name = 'ShoppersAndTasks1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE shopper_invitation (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL CHECK (email = lower(email)),
        name text NOT NULL,
        sectors text[] NOT NULL,
        weekly_capacity int NOT NULL CHECK (weekly_capacity BETWEEN 1 AND 200),
        invited_by uuid REFERENCES app_user(id),
        accepted_at timestamptz,
        user_id uuid REFERENCES app_user(id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX shopper_invitation_open_email ON shopper_invitation (email) WHERE accepted_at IS NULL`);
    await q.query(`
      CREATE TABLE shopper (
        user_id uuid PRIMARY KEY REFERENCES app_user(id),
        name text NOT NULL,
        sectors text[] NOT NULL,
        weekly_capacity int NOT NULL CHECK (weekly_capacity BETWEEN 1 AND 200),
        suspended_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX shopper_sectors_idx ON shopper USING gin (sectors)`);
    await q.query(`
      CREATE TABLE shopper_conflict (
        shopper_id uuid NOT NULL REFERENCES shopper(user_id),
        siren char(9) NOT NULL,
        reason text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (shopper_id, siren)
      )`);
    await q.query(`
      CREATE TABLE task (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        edition_id uuid NOT NULL REFERENCES edition(id),
        category_id uuid NOT NULL REFERENCES category(id),
        entry_id uuid NOT NULL REFERENCES entry(id),
        company_id uuid NOT NULL REFERENCES company(id),
        channel text NOT NULL CHECK (channel IN ('PHONE', 'EMAIL', 'WEB', 'CHAT', 'SOCIAL')),
        slot int NOT NULL,
        contact_point text NOT NULL,
        scenario text NOT NULL,
        window_start timestamptz NOT NULL,
        window_end timestamptz NOT NULL,
        week_start date NOT NULL,
        status text NOT NULL DEFAULT 'PENDING'
          CHECK (status IN ('PENDING', 'ASSIGNED', 'SUBMITTED', 'APPROVED', 'REJECTED', 'EXPIRED', 'UNASSIGNABLE')),
        shopper_id uuid REFERENCES shopper(user_id),
        assigned_at timestamptz,
        replaces_task_id uuid REFERENCES task(id),
        due_soon_notified_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT task_window CHECK (window_start < window_end),
        CONSTRAINT task_assigned_has_shopper CHECK ((status IN ('PENDING', 'UNASSIGNABLE')) = (shopper_id IS NULL))
      )`);
    // Generation is idempotent: one original task per entry, channel and slot; one replacement per task.
    await q.query(`CREATE UNIQUE INDEX task_original_slot ON task (entry_id, channel, slot) WHERE replaces_task_id IS NULL`);
    await q.query(`CREATE UNIQUE INDEX task_one_replacement ON task (replaces_task_id) WHERE replaces_task_id IS NOT NULL`);
    await q.query(`CREATE INDEX task_shopper_status_idx ON task (shopper_id, status)`);
    await q.query(`CREATE INDEX task_category_status_idx ON task (category_id, status)`);
    await q.query(`CREATE INDEX task_status_window_end_idx ON task (status, window_end)`);
    // Who may not take a task again (declined it, or had it expire or rejected on its lineage).
    await q.query(`
      CREATE TABLE task_refusal (
        task_id uuid NOT NULL REFERENCES task(id),
        shopper_id uuid NOT NULL REFERENCES shopper(user_id),
        kind text NOT NULL CHECK (kind IN ('DECLINED', 'EXPIRED', 'REJECTED')),
        reason text,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (task_id, shopper_id)
      )`);
    // Counters checked and incremented in the assignment's transaction: capacity and rotation hold under concurrency.
    await q.query(`
      CREATE TABLE shopper_week_load (
        shopper_id uuid NOT NULL REFERENCES shopper(user_id),
        week_start date NOT NULL,
        assigned int NOT NULL CHECK (assigned >= 0),
        PRIMARY KEY (shopper_id, week_start)
      )`);
    await q.query(`
      CREATE TABLE shopper_company_load (
        shopper_id uuid NOT NULL REFERENCES shopper(user_id),
        company_id uuid NOT NULL REFERENCES company(id),
        edition_id uuid NOT NULL REFERENCES edition(id),
        assigned int NOT NULL CHECK (assigned >= 0),
        PRIMARY KEY (shopper_id, company_id, edition_id)
      )`);
    await q.query(`
      CREATE TABLE evaluation (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        task_id uuid NOT NULL UNIQUE REFERENCES task(id),
        entry_id uuid NOT NULL REFERENCES entry(id),
        category_id uuid NOT NULL REFERENCES category(id),
        shopper_id uuid NOT NULL REFERENCES shopper(user_id),
        channel text NOT NULL,
        performed_at timestamptz NOT NULL,
        answers jsonb NOT NULL,
        facts jsonb NOT NULL,
        comment text NOT NULL DEFAULT '',
        score numeric(8, 4) NOT NULL CHECK (score BETWEEN 0 AND 20),
        status text NOT NULL DEFAULT 'SUBMITTED' CHECK (status IN ('SUBMITTED', 'APPROVED', 'REJECTED')),
        rejection_reason text,
        reviewed_by uuid REFERENCES app_user(id),
        reviewed_at timestamptz,
        submitted_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX evaluation_status_idx ON evaluation (status, category_id)`);
    await q.query(`CREATE INDEX evaluation_entry_idx ON evaluation (entry_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'evaluation',
      'shopper_company_load',
      'shopper_week_load',
      'task_refusal',
      'task',
      'shopper_conflict',
      'shopper',
      'shopper_invitation',
    ]) {
      await q.query(`DROP TABLE ${table}`);
    }
  }
}
