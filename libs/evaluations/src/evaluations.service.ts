import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { AuthUser } from '@app/accounts';
import type { Channel } from '@app/contest';
import { audit, formatInstant, isUniqueViolation, ConflictError, InvalidError, NotFoundError } from '@app/core';
import { NotificationsService } from '@app/notifications';
import { Task, TaskAssignment, TaskGeneration, TaskStatus } from '@app/shoppers';
import type { EvaluationView, ListEvaluationsQuery, RejectedEvaluationView, SubmitEvaluationDto } from './dto/evaluation.dto';
import { DEFAULT_PAGE } from './dto/task.dto';
import { EvaluationStatus } from './entities/evaluation.entity';
import { answerProblems, evaluationScore } from './scoring';
import { ShopperTasks } from './tasks.service';

/** Clock drift allowed between a shopper's device and the server when checking that performedAt is not in the future. */
export const PERFORMED_AT_DRIFT_MS = 5 * 60 * 1000;

interface EvaluationRow {
  id: string;
  task_id: string;
  entry_id: string;
  category_id: string;
  shopper_id: string;
  channel: Channel;
  performed_at: Date;
  answers: Record<string, number>;
  facts: Record<string, unknown>;
  comment: string;
  status: EvaluationStatus;
  score: string;
  rejection_reason: string | null;
  reviewed_by: string | null;
  reviewed_at: Date | null;
  submitted_at: Date;
}

const SUBMITTED_LIKE: TaskStatus[] = [TaskStatus.Submitted, TaskStatus.Approved, TaskStatus.Rejected];

/** Submitting an evaluation (once, never edited), and the jury's review: approve, or reject with a reason. */
@Injectable()
export class EvaluationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly notifications: NotificationsService,
    private readonly tasks: ShopperTasks,
    private readonly generation: TaskGeneration,
    private readonly assignment: TaskAssignment,
  ) {}

  /**
   * The shopper's own ASSIGNED task only (another's → 404, already submitted → 409). The task moves to
   * SUBMITTED by a conditional UPDATE in the evaluation's transaction, and `evaluation.task_id` is unique:
   * two concurrent submits make exactly one evaluation.
   */
  async submit(user: AuthUser, taskId: string, dto: SubmitEvaluationDto, now = new Date()): Promise<EvaluationView> {
    const task = await this.tasks.findOne(user, taskId);
    assertSubmittable(task.id, task.status);
    const [edition]: { timezone: string }[] = await this.dataSource.query(`SELECT timezone FROM edition WHERE id = $1`, [task.editionId]);
    const performedAt = new Date(dto.performedAt);
    if (Number.isNaN(performedAt.getTime())) throw new InvalidError('performedAt must be a valid instant');
    if (performedAt.getTime() < task.windowStart.getTime() || performedAt.getTime() > task.windowEnd.getTime()) {
      throw new InvalidError(
        `performedAt must lie inside the task window, from ${formatInstant(task.windowStart, edition.timezone)} to ${formatInstant(task.windowEnd, edition.timezone)}`,
      );
    }
    if (performedAt.getTime() > now.getTime() + PERFORMED_AT_DRIFT_MS) throw new InvalidError('performedAt must not be in the future');
    const problems = [...answerProblems(task.grid, dto.answers ?? {}), ...factProblems(task.channel, dto.facts)];
    if (problems.length > 0) throw new InvalidError(problems.join('; '));
    const score = evaluationScore(task.grid, dto.answers);
    const facts = {
      ...(dto.facts.waitSeconds !== undefined ? { waitSeconds: dto.facts.waitSeconds } : {}),
      ...(dto.facts.replyDelayHours !== undefined ? { replyDelayHours: dto.facts.replyDelayHours } : {}),
      resolved: dto.facts.resolved,
    };
    const answers = Object.fromEntries(task.grid.map((c) => [c.key, dto.answers[c.key]]));

    try {
      return await this.dataSource.transaction(async (tx) => {
        const moved = await tx
          .createQueryBuilder()
          .update(Task)
          .set({ status: TaskStatus.Submitted })
          .where('id = :id AND status = :assigned AND shopper_id = :me', { id: taskId, assigned: TaskStatus.Assigned, me: user.id })
          .execute();
        if (!moved.affected) {
          const [current]: { status: TaskStatus }[] = await tx.query(`SELECT status FROM task WHERE id = $1 AND shopper_id = $2`, [taskId, user.id]);
          if (!current) throw new NotFoundError(`task ${taskId} does not exist`);
          assertSubmittable(taskId, current.status);
          throw new ConflictError(`task ${taskId} can no longer be evaluated`, 'TASK_NOT_EVALUABLE');
        }
        const [row]: EvaluationRow[] = await tx.query(
          `INSERT INTO evaluation (task_id, entry_id, category_id, shopper_id, channel, performed_at, answers, facts, comment, score, status, submitted_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'SUBMITTED', $11) RETURNING *`,
          [
            taskId,
            task.entryId,
            task.categoryId,
            user.id,
            task.channel,
            performedAt,
            JSON.stringify(answers),
            JSON.stringify(facts),
            dto.comment ?? '',
            score,
            now,
          ],
        );
        return toEvaluationView(row);
      });
    } catch (error) {
      if (isUniqueViolation(error))
        throw new ConflictError(`an evaluation was already submitted for task ${taskId}; it cannot be changed`, 'EVALUATION_ALREADY_SUBMITTED');
      throw error;
    }
  }

  async list(query: ListEvaluationsQuery): Promise<EvaluationView[]> {
    const conditions: string[] = [];
    const params: unknown[] = [];
    const where = (sql: string, value: unknown) => {
      params.push(value);
      conditions.push(sql.replace('?', `$${params.length}`));
    };
    if (query.status) where('e.status = ?', query.status);
    if (query.categoryId) where('e.category_id = ?', query.categoryId);
    if (query.shopperId) where('e.shopper_id = ?', query.shopperId);
    if (query.editionId) where('t.edition_id = ?', query.editionId);
    params.push(query.limit ?? DEFAULT_PAGE, query.offset ?? 0);
    const rows: EvaluationRow[] = await this.dataSource.query(
      `SELECT e.* FROM evaluation e JOIN task t ON t.id = e.task_id
        ${conditions.length ? `WHERE ${conditions.join(' AND ')}` : ''}
        ORDER BY e.submitted_at, e.id LIMIT $${params.length - 1} OFFSET $${params.length}`,
      params,
    );
    return rows.map(toEvaluationView);
  }

  /** SUBMITTED → APPROVED (the task too); it now counts in the rankings. 409 from any other status. */
  async approve(jury: AuthUser, id: string): Promise<EvaluationView> {
    return this.dataSource.transaction(async (tx) => {
      const row = await this.review(tx, id, EvaluationStatus.Approved, jury.id, null);
      await tx.update(Task, { id: row.task_id, status: TaskStatus.Submitted }, { status: TaskStatus.Approved });
      await audit(tx, { actorId: jury.id, action: 'evaluation.approve', subjectType: 'evaluation', subjectId: id, details: { taskId: row.task_id } });
      return toEvaluationView(row);
    });
  }

  /**
   * SUBMITTED → REJECTED (the task too), with a replacement task for the same company, channel and
   * scenario made in the same transaction, and the shopper told why; the replacement is queued after commit.
   */
  async reject(jury: AuthUser, id: string, reason: string): Promise<RejectedEvaluationView> {
    const { view, replacement } = await this.notifications.transaction(async (outbox) => {
      const row = await this.review(outbox.tx, id, EvaluationStatus.Rejected, jury.id, reason);
      await outbox.tx.update(Task, { id: row.task_id, status: TaskStatus.Submitted }, { status: TaskStatus.Rejected });
      const replacement = await this.generation.createReplacement(outbox.tx, row.task_id);
      const [who]: { email: string; locale: 'fr' | 'en'; shopper_name: string; company_name: string }[] = await outbox.tx.query(
        `SELECT u.email, u.locale, s.name AS shopper_name, co.legal_name AS company_name
           FROM task t JOIN app_user u ON u.id = $2 JOIN shopper s ON s.user_id = u.id JOIN company co ON co.id = t.company_id
          WHERE t.id = $1`,
        [row.task_id, row.shopper_id],
      );
      if (who) {
        await outbox.notify({
          template: 'evaluation-rejected',
          to: who.email,
          locale: who.locale,
          data: { shopperName: who.shopper_name, companyName: who.company_name, channel: row.channel, reason },
          dedupeKey: `evaluation-rejected:${id}`,
        });
      }
      await audit(outbox.tx, {
        actorId: jury.id,
        action: 'evaluation.reject',
        subjectType: 'evaluation',
        subjectId: id,
        details: { taskId: row.task_id, reason, replacementTaskId: replacement?.id ?? null },
      });
      return { view: toEvaluationView(row), replacement };
    });
    if (replacement) await this.assignment.enqueue([replacement.id]);
    return { ...view, replacementTaskId: replacement?.id ?? null };
  }

  private async review(tx: EntityManager, id: string, status: EvaluationStatus, juryId: string, reason: string | null): Promise<EvaluationRow> {
    const [rows]: [EvaluationRow[], number] = await tx.query(
      `UPDATE evaluation SET status = $2, reviewed_by = $3, reviewed_at = now(), rejection_reason = $4
        WHERE id = $1 AND status = 'SUBMITTED' RETURNING *`,
      [id, status, juryId, reason],
    );
    if (rows.length > 0) return rows[0];
    const [current]: { status: EvaluationStatus }[] = await tx.query(`SELECT status FROM evaluation WHERE id = $1`, [id]);
    if (!current) throw new NotFoundError(`evaluation ${id} does not exist`);
    throw new ConflictError(
      `evaluation ${id} is already ${current.status}: only a submitted evaluation can be approved or rejected`,
      'EVALUATION_ALREADY_REVIEWED',
    );
  }
}

function assertSubmittable(taskId: string, status: TaskStatus): void {
  if (SUBMITTED_LIKE.includes(status))
    throw new ConflictError(`an evaluation was already submitted for task ${taskId}; it cannot be changed`, 'EVALUATION_ALREADY_SUBMITTED');
  if (status !== TaskStatus.Assigned) throw new ConflictError(`task ${taskId} is ${status}: only an assigned task can be evaluated`, 'TASK_NOT_ASSIGNED');
}

/** Facts each channel needs: the wait on PHONE and CHAT, the reply delay on EMAIL. */
function factProblems(channel: Channel, facts: SubmitEvaluationDto['facts']): string[] {
  const problems: string[] = [];
  if ((channel === 'PHONE' || channel === 'CHAT') && facts.waitSeconds === undefined)
    problems.push(`facts.waitSeconds is required for a ${channel} test: the wait in seconds before a person answered`);
  if (channel === 'EMAIL' && facts.replyDelayHours === undefined)
    problems.push('facts.replyDelayHours is required for an EMAIL test: the hours before the reply came');
  return problems;
}

function toEvaluationView(row: EvaluationRow): EvaluationView {
  return {
    id: row.id,
    taskId: row.task_id,
    entryId: row.entry_id,
    categoryId: row.category_id,
    shopperId: row.shopper_id,
    channel: row.channel,
    performedAt: row.performed_at,
    answers: row.answers,
    facts: row.facts,
    comment: row.comment,
    status: row.status,
    score: Number(row.score),
    rejectionReason: row.rejection_reason,
    reviewedBy: row.reviewed_by,
    reviewedAt: row.reviewed_at,
    submittedAt: row.submitted_at,
  };
}
