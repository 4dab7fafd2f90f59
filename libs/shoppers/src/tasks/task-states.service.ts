import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { updatedRows, ConflictError } from '@app/core';
import { TaskStatus } from '../entities/task.entity';
import { decrementLoads, loadColumns, type LoadRow } from './task-loads';

/** An evaluation's verdict, carried over to its task. */
export type ReviewedTaskStatus = typeof TaskStatus.Approved | typeof TaskStatus.Rejected;

/**
 * Every change of a task's status after assignment, in the caller's transaction: shoppers own the `task`
 * table, so evaluations and the housekeeping ask for these instead of writing it. Each is conditional on the
 * status it leaves, so a concurrent change makes it do nothing (and say so).
 */
@Injectable()
export class TaskStates {
  /** The shopper declines a task assigned to them: back to PENDING for someone else; they may not get it again. */
  async decline(tx: EntityManager, taskId: string, shopperId: string, reason: string): Promise<void> {
    const rows = await updatedRows<LoadRow>(
      tx,
      `UPDATE task SET status = $3, shopper_id = NULL, assigned_at = NULL, digest_sent_at = NULL
        WHERE id = $1 AND shopper_id = $2 AND status = $4
        RETURNING ${loadColumns('$2::uuid')}`,
      [taskId, shopperId, TaskStatus.Pending, TaskStatus.Assigned],
    );
    if (rows.length === 0) throw new ConflictError(`task ${taskId} is not assigned to you: only an assigned task can be declined`, 'TASK_NOT_ASSIGNED');
    await tx.query(
      `INSERT INTO task_refusal (task_id, shopper_id, kind, reason) VALUES ($1, $2, 'DECLINED', $3)
       ON CONFLICT (task_id, shopper_id) DO UPDATE SET kind = 'DECLINED', reason = EXCLUDED.reason`,
      [taskId, shopperId, reason],
    );
    await decrementLoads(tx, rows);
  }

  /** ASSIGNED → EXPIRED (the shopper keeps the task on record; their load is freed); false if it was not ASSIGNED. */
  async expire(tx: EntityManager, taskId: string): Promise<boolean> {
    const rows = await updatedRows<LoadRow>(tx, `UPDATE task SET status = $2 WHERE id = $1 AND status = $3 RETURNING ${loadColumns()}`, [
      taskId,
      TaskStatus.Expired,
      TaskStatus.Assigned,
    ]);
    await decrementLoads(tx, rows);
    return rows.length > 0;
  }

  /** Every task a suspended shopper holds goes back to PENDING; returns their ids (the caller enqueues after commit). */
  async releaseForSuspension(tx: EntityManager, shopperId: string): Promise<string[]> {
    const rows = await updatedRows<LoadRow>(
      tx,
      `UPDATE task SET status = $2, shopper_id = NULL, assigned_at = NULL, digest_sent_at = NULL
        WHERE shopper_id = $1 AND status = $3
        RETURNING ${loadColumns('$1::uuid')}`,
      [shopperId, TaskStatus.Pending, TaskStatus.Assigned],
    );
    await decrementLoads(tx, rows);
    return rows.map((r) => r.id);
  }

  /**
   * The shopper's ASSIGNED task becomes SUBMITTED with its evaluation. When it does not move, its current
   * status for that shopper is returned (null: no such task of theirs).
   */
  async submit(tx: EntityManager, taskId: string, shopperId: string): Promise<{ moved: true } | { moved: false; current: TaskStatus | null }> {
    const moved = await updatedRows(tx, `UPDATE task SET status = $3 WHERE id = $1 AND shopper_id = $2 AND status = $4 RETURNING id`, [
      taskId,
      shopperId,
      TaskStatus.Submitted,
      TaskStatus.Assigned,
    ]);
    if (moved.length > 0) return { moved: true };
    const [row]: { status: TaskStatus }[] = await tx.query(`SELECT status FROM task WHERE id = $1 AND shopper_id = $2`, [taskId, shopperId]);
    return { moved: false, current: row?.status ?? null };
  }

  /** SUBMITTED → the verdict of its evaluation. */
  async review(tx: EntityManager, taskId: string, status: ReviewedTaskStatus): Promise<void> {
    await tx.query(`UPDATE task SET status = $2 WHERE id = $1 AND status = $3`, [taskId, status, TaskStatus.Submitted]);
  }
}
