import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { AuthUser } from '@app/accounts';
import { EditionsService, type Channel } from '@app/contest';
import { DEFAULT_PAGE, SqlFilter, UnitsOfWork, audit, formatInstant, isUniqueViolation, ConflictError, InvalidError, NotFoundError } from '@app/core';
import { NotificationsService } from '@app/notifications';
import { ShopperTasks, TaskStates, TaskAssignment, TaskGeneration, TaskStatus, TASKS_SQL } from '@app/shoppers';
import type { EvaluationFilter, EvaluationSubmission, EvaluationView, RejectedEvaluationView } from './evaluation.types';
import { EvaluationStatus } from './entities/evaluation.entity';
import { answerProblems, evaluationScore } from './scoring';

/** Clock drift allowed between a shopper's device and the server when checking that performedAt is not in the future. */
export const PERFORMED_AT_DRIFT_MS = 5 * 60 * 1000;

/** The columns of an evaluation (table or alias `t`) read as its view, the score as a number. */
const evaluationColumns = (t: string) =>
  `${t}.id, ${t}.task_id AS "taskId", ${t}.entry_id AS "entryId", ${t}.category_id AS "categoryId", ${t}.shopper_id AS "shopperId", ${t}.channel,
   ${t}.performed_at AS "performedAt", ${t}.answers, ${t}.facts, ${t}.comment, ${t}.status, ${t}.score::float8 AS score,
   ${t}.rejection_reason AS "rejectionReason", ${t}.reviewed_by AS "reviewedBy", ${t}.reviewed_at AS "reviewedAt", ${t}.submitted_at AS "submittedAt"`;

const SUBMITTED_LIKE: TaskStatus[] = [TaskStatus.Submitted, TaskStatus.Approved, TaskStatus.Rejected];

/** Submitting an evaluation (once, never edited), and the jury's review: approve, or reject with a reason. */
@Injectable()
export class EvaluationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly notifications: NotificationsService,
    private readonly units: UnitsOfWork,
    private readonly tasks: ShopperTasks,
    private readonly states: TaskStates,
    private readonly generation: TaskGeneration,
    private readonly assignment: TaskAssignment,
    private readonly editions: EditionsService,
  ) {}

  /**
   * The shopper's own ASSIGNED task only (another's → 404, already submitted → 409). The task moves to
   * SUBMITTED by a conditional UPDATE in the evaluation's transaction, and `evaluation.task_id` is unique:
   * two concurrent submits make exactly one evaluation.
   */
  async submit(user: AuthUser, taskId: string, dto: EvaluationSubmission, now = new Date()): Promise<EvaluationView> {
    const task = await this.tasks.findOne(user, taskId);
    assertSubmittable(task.id, task.status);
    const edition = await this.editions.findOrFail(task.editionId);
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
        const submitted = await this.states.submit(tx, taskId, user.id);
        if (!submitted.moved) {
          if (!submitted.current) throw new NotFoundError(`task ${taskId} does not exist`);
          assertSubmittable(taskId, submitted.current);
          throw new ConflictError(`task ${taskId} can no longer be evaluated`, 'TASK_NOT_EVALUABLE');
        }
        const [row]: EvaluationView[] = await tx.query(
          `INSERT INTO evaluation (task_id, entry_id, category_id, shopper_id, channel, performed_at, answers, facts, comment, score, status, submitted_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $12, $11) RETURNING ${evaluationColumns('evaluation')}`,
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
            EvaluationStatus.Submitted,
          ],
        );
        return row;
      });
    } catch (error) {
      if (isUniqueViolation(error))
        throw new ConflictError(`an evaluation was already submitted for task ${taskId}; it cannot be changed`, 'EVALUATION_ALREADY_SUBMITTED');
      throw error;
    }
  }

  async list(query: EvaluationFilter): Promise<EvaluationView[]> {
    const filter = new SqlFilter();
    if (query.status) filter.and('e.status = ?', query.status);
    if (query.categoryId) filter.and('e.category_id = ?', query.categoryId);
    if (query.shopperId) filter.and('e.shopper_id = ?', query.shopperId);
    if (query.editionId) filter.and('t.edition_id = ?', query.editionId);
    const rows: EvaluationView[] = await this.dataSource.query(
      `SELECT ${evaluationColumns('e')} FROM evaluation e JOIN (${TASKS_SQL}) t ON t.id = e.task_id
        ${filter.where}
        ORDER BY e.submitted_at, e.id ${filter.page(query.limit ?? DEFAULT_PAGE, query.offset ?? 0)}`,
      filter.params,
    );
    return rows;
  }

  /** SUBMITTED → APPROVED (the task too); it now counts in the rankings. 409 from any other status. */
  async approve(jury: AuthUser, id: string): Promise<EvaluationView> {
    return this.dataSource.transaction(async (tx) => {
      const row = await this.review(tx, id, EvaluationStatus.Approved, jury.id, null);
      await this.states.review(tx, row.taskId, TaskStatus.Approved);
      await audit(tx, { actorId: jury.id, action: 'evaluation.approve', subjectType: 'evaluation', subjectId: id, details: { taskId: row.taskId } });
      return row;
    });
  }

  /**
   * SUBMITTED → REJECTED (the task too), with a replacement task for the same company, channel and
   * scenario made in the same transaction, and the shopper told why; the replacement is queued after commit.
   */
  async reject(jury: AuthUser, id: string, reason: string): Promise<RejectedEvaluationView> {
    const { view, replacement } = await this.units.run(async (uow) => {
      const outbox = this.notifications.outbox(uow);
      const row = await this.review(outbox.tx, id, EvaluationStatus.Rejected, jury.id, reason);
      await this.states.review(outbox.tx, row.taskId, TaskStatus.Rejected);
      const replacement = await this.generation.createReplacement(outbox.tx, row.taskId);
      const who = await this.tasks.shopperOf(outbox.tx, row.taskId);
      if (who) {
        await outbox.notify({
          template: 'evaluation-rejected',
          to: who.email,
          locale: who.locale,
          data: { shopperName: who.shopperName, companyName: who.companyName, channel: row.channel, reason },
          dedupeKey: `evaluation-rejected:${id}`,
        });
      }
      await audit(outbox.tx, {
        actorId: jury.id,
        action: 'evaluation.reject',
        subjectType: 'evaluation',
        subjectId: id,
        details: { taskId: row.taskId, reason, replacementTaskId: replacement?.id ?? null },
      });
      if (replacement) uow.afterCommit(() => this.assignment.enqueue([replacement.id]));
      return { view: row, replacement };
    });
    return { ...view, replacementTaskId: replacement?.id ?? null };
  }

  private async review(tx: EntityManager, id: string, status: EvaluationStatus, juryId: string, reason: string | null): Promise<EvaluationView> {
    const [rows]: [EvaluationView[], number] = await tx.query(
      `UPDATE evaluation SET status = $2, reviewed_by = $3, reviewed_at = now(), rejection_reason = $4
        WHERE id = $1 AND status = $5 RETURNING ${evaluationColumns('evaluation')}`,
      [id, status, juryId, reason, EvaluationStatus.Submitted],
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
function factProblems(channel: Channel, facts: EvaluationSubmission['facts']): string[] {
  const problems: string[] = [];
  if ((channel === 'PHONE' || channel === 'CHAT') && facts.waitSeconds === undefined)
    problems.push(`facts.waitSeconds is required for a ${channel} test: the wait in seconds before a person answered`);
  if (channel === 'EMAIL' && facts.replyDelayHours === undefined)
    problems.push('facts.replyDelayHours is required for an EMAIL test: the hours before the reply came');
  return problems;
}
