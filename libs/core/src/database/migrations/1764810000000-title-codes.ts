import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `title_code`: the verification code of a title (a winning entry), what the QR code on the logo points to
 * (`/verify/<code>`). Made the first time it is asked for and never changed, so every printed logo keeps working;
 * whether the title still holds is read from the latest published results each time.
 */
export class TitleCodes1764810000000 implements MigrationInterface {
  name = 'TitleCodes1764810000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE title_code (
        entry_id uuid PRIMARY KEY REFERENCES entry(id),
        code text NOT NULL CHECK (code ~ '^[0-9A-HJKMNP-TV-Z]{20}$'),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX title_code_code_key ON title_code (code)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE title_code`);
  }
}
