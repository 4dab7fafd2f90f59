import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The rankings' inputs digest (v3) without reading every approved evaluation's answers at freeze time:
 * - `evaluation.inputs_hash` = SHA-256 of the evaluation's line in the digest's canonical text,
 *   `evaluation <id> <task> <entry> <channel> <shopper> <answers as jsonb text>` (the v2 line), stated once
 *   in `evaluation_inputs_hash()` and set by a trigger on insert and on any change of those columns (a write
 *   to the hash itself is overwritten), so it follows a correction by hand too;
 * - `evaluation_approved_digest_idx`: the approved evaluations in the digest's order (category, id) with
 *   their hash, for an index-only pass.
 * The digest is then SHA-256 of the header (version, edition, categories' rules) followed by these hashes.
 */
export class InputsHash1764830000000 implements MigrationInterface {
  name = 'InputsHash1764830000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION evaluation_inputs_hash(id uuid, task_id uuid, entry_id uuid, channel text, shopper_id uuid, answers jsonb)
      RETURNS bytea LANGUAGE sql STABLE AS $$
        SELECT sha256(convert_to('evaluation ' || id::text || ' ' || task_id::text || ' ' || entry_id::text || ' ' || channel || ' '
                                 || shopper_id::text || ' ' || answers::text, 'UTF8'))
      $$`);
    await q.query(`ALTER TABLE evaluation ADD COLUMN inputs_hash bytea`);
    await q.query(`UPDATE evaluation SET inputs_hash = evaluation_inputs_hash(id, task_id, entry_id, channel, shopper_id, answers)`);
    await q.query(`ALTER TABLE evaluation ALTER COLUMN inputs_hash SET NOT NULL`);
    await q.query(`
      CREATE FUNCTION evaluation_inputs_hash_follow() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.inputs_hash := evaluation_inputs_hash(NEW.id, NEW.task_id, NEW.entry_id, NEW.channel, NEW.shopper_id, NEW.answers);
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER evaluation_inputs_hash BEFORE INSERT OR UPDATE OF id, task_id, entry_id, channel, shopper_id, answers, inputs_hash ON evaluation
      FOR EACH ROW EXECUTE FUNCTION evaluation_inputs_hash_follow()`);
    await q.query(`
      CREATE INDEX evaluation_approved_digest_idx ON evaluation (category_id, id) INCLUDE (inputs_hash) WHERE status = 'APPROVED'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX evaluation_approved_digest_idx`);
    await q.query(`DROP TRIGGER evaluation_inputs_hash ON evaluation`);
    await q.query(`DROP FUNCTION evaluation_inputs_hash_follow`);
    await q.query(`ALTER TABLE evaluation DROP COLUMN inputs_hash`);
    await q.query(`DROP FUNCTION evaluation_inputs_hash`);
  }
}
