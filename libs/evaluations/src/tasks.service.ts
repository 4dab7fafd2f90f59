import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { Role, type AuthUser } from '@app/accounts';
import type { Channel, GridCriterion } from '@app/contest';
import { TaskAssignment, TaskStatus } from '@app/shoppers';
import { DEFAULT_PAGE, type DeclinedTaskView, type ListTasksQuery, type TaskView } from './dto/task.dto';
import { ConflictError, NotFoundError } from '@app/core';

interface TaskRow {
  id: string;
  edition_id: string;
  category_id: string;
  entry_id: string;
  company_name: string;
  category_code: string;
  channel: Channel;
  contact_point: string;
  scenario: string;
  window_start: Date;
  window_end: Date;
  status: TaskStatus;
  shopper_id: string | null;
  replaces_task_id: string | null;
  grids: Partial<Record<Channel, GridCriterion[]>>;
}

const TASK_SELECT = `
  SELECT t.id, t.edition_id, t.category_id, t.entry_id, co.legal_name AS company_name, ca.code AS category_code, t.channel,
         t.contact_point, t.scenario, t.window_start, t.window_end, t.status, t.shopper_id, t.replaces_task_id, ca.grids
    FROM task t
    JOIN company co ON co.id = t.company_id
    JOIN category ca ON ca.id = t.category_id`;

/** What a shopper does with their tasks (read, decline) and what the jury reads of all of them. */
@Injectable()
export class ShopperTasks {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly assignment: TaskAssignment,
  ) {}

  /** A shopper sees their own tasks; the jury every task, filtered. Ordered by window, then id. */
  async list(user: AuthUser, query: ListTasksQuery): Promise<TaskView[]> {
    const conditions: string[] = [];
    const params: unknown[] = [];
    const where = (sql: string, value: unknown) => {
      params.push(value);
      conditions.push(sql.replace('?', `$${params.length}`));
    };
    if (user.role === Role.Jury) {
      if (query.shopperId) where('t.shopper_id = ?', query.shopperId);
      if (query.editionId) where('t.edition_id = ?', query.editionId);
      if (query.categoryId) where('t.category_id = ?', query.categoryId);
      if (query.entryId) where('t.entry_id = ?', query.entryId);
    } else {
      where('t.shopper_id = ?', user.id);
    }
    if (query.status) where('t.status = ?', query.status);
    if (query.from) where('t.window_end >= ?', new Date(query.from));
    if (query.to) where('t.window_start <= ?', new Date(query.to));
    params.push(query.limit ?? DEFAULT_PAGE, query.offset ?? 0);
    const rows: TaskRow[] = await this.dataSource.query(
      `${TASK_SELECT} ${conditions.length ? `WHERE ${conditions.join(' AND ')}` : ''}
        ORDER BY t.window_start, t.id LIMIT $${params.length - 1} OFFSET $${params.length}`,
      params,
    );
    return rows.map(toTaskView);
  }

  /** Another shopper's task answers 404, as if it did not exist. */
  async findOne(user: AuthUser, id: string, tx: EntityManager = this.dataSource.manager): Promise<TaskView> {
    const rows: TaskRow[] = await tx.query(`${TASK_SELECT} WHERE t.id = $1 ${user.role === Role.Jury ? '' : 'AND t.shopper_id = $2'}`, [
      id,
      ...(user.role === Role.Jury ? [] : [user.id]),
    ]);
    if (rows.length === 0) throw new NotFoundError(`task ${id} does not exist`);
    return toTaskView(rows[0]);
  }

  /** Only an ASSIGNED task of the caller; it goes back to PENDING and is queued for another shopper. */
  async decline(user: AuthUser, id: string, reason: string): Promise<DeclinedTaskView> {
    await this.dataSource.transaction(async (tx) => {
      const [task]: { status: TaskStatus }[] = await tx.query(`SELECT status FROM task WHERE id = $1 AND shopper_id = $2 FOR UPDATE`, [id, user.id]);
      if (!task) throw new NotFoundError(`task ${id} does not exist`);
      if (task.status !== TaskStatus.Assigned)
        throw new ConflictError(`task ${id} is ${task.status}: only an assigned task can be declined`, 'TASK_NOT_ASSIGNED');
      await this.assignment.decline(tx, id, user.id, reason);
    });
    await this.assignment.enqueue([id]);
    const [after]: { status: TaskStatus }[] = await this.dataSource.query(`SELECT status FROM task WHERE id = $1`, [id]);
    return { id, status: after.status };
  }
}

function toTaskView(row: TaskRow): TaskView {
  return {
    id: row.id,
    editionId: row.edition_id,
    categoryId: row.category_id,
    entryId: row.entry_id,
    companyName: row.company_name,
    categoryCode: row.category_code,
    channel: row.channel,
    contactPoint: row.contact_point,
    scenario: row.scenario,
    windowStart: row.window_start,
    windowEnd: row.window_end,
    status: row.status,
    shopperId: row.shopper_id,
    replacesTaskId: row.replaces_task_id,
    grid: row.grids?.[row.channel] ?? [],
  };
}
