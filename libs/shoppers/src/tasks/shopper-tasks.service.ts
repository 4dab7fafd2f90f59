import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { COMPANIES_SQL, Role, USERS_SQL, type AuthUser } from '@app/accounts';
import { CATEGORIES_SQL, type Channel, type GridCriterion } from '@app/contest';
import { DEFAULT_PAGE, SqlFilter, UnitsOfWork, type Locale, ConflictError, NotFoundError } from '@app/core';
import { TaskStatus } from '../entities/task.entity';
import type { TaskFilter } from './task-filter';
import { TaskAssignment } from './task-assignment.service';
import { TaskStates } from './task-states.service';

/** A task as shoppers and the jury read it: where, what, when, and the grid to fill in. */
export interface TaskView {
  id: string;
  editionId: string;
  categoryId: string;
  entryId: string;
  companyName: string;
  categoryCode: string;
  channel: Channel;
  contactPoint: string;
  scenario: string;
  windowStart: Date;
  windowEnd: Date;
  status: TaskStatus;
  shopperId: string | null;
  replacesTaskId: string | null;
  grid: GridCriterion[];
}

/** A task row as its view, with its category's grids (the view keeps the channel's). */
type TaskRow = Omit<TaskView, 'grid'> & { grids: Partial<Record<Channel, GridCriterion[]>> };

const TASK_SELECT = `
  SELECT t.id, t.edition_id AS "editionId", t.category_id AS "categoryId", t.entry_id AS "entryId", co.legal_name AS "companyName",
         ca.code AS "categoryCode", t.channel, t.contact_point AS "contactPoint", t.scenario, t.window_start AS "windowStart",
         t.window_end AS "windowEnd", t.status, t.shopper_id AS "shopperId", t.replaces_task_id AS "replacesTaskId", ca.grids
    FROM task t
    JOIN (${COMPANIES_SQL}) co ON co.id = t.company_id
    JOIN (${CATEGORIES_SQL}) ca ON ca.id = t.category_id`;

/** What a shopper does with their tasks (read, decline) and what the jury reads of all of them. */
@Injectable()
export class ShopperTasks {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly assignment: TaskAssignment,
    private readonly states: TaskStates,
    private readonly units: UnitsOfWork,
  ) {}

  /** A shopper sees their own tasks; the jury every task, filtered. Ordered by window, then id. */
  async list(user: AuthUser, query: TaskFilter): Promise<TaskView[]> {
    const filter = new SqlFilter();
    if (user.role === Role.Jury) {
      if (query.shopperId) filter.and('t.shopper_id = ?', query.shopperId);
      if (query.editionId) filter.and('t.edition_id = ?', query.editionId);
      if (query.categoryId) filter.and('t.category_id = ?', query.categoryId);
      if (query.entryId) filter.and('t.entry_id = ?', query.entryId);
    } else {
      filter.and('t.shopper_id = ?', user.id);
    }
    if (query.status) filter.and('t.status = ?', query.status);
    if (query.from) filter.and('t.window_end >= ?', new Date(query.from));
    if (query.to) filter.and('t.window_start <= ?', new Date(query.to));
    const rows: TaskRow[] = await this.dataSource.query(
      `${TASK_SELECT} ${filter.where}
        ORDER BY t.window_start, t.id ${filter.page(query.limit ?? DEFAULT_PAGE, query.offset ?? 0)}`,
      filter.params,
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
  async decline(user: AuthUser, id: string, reason: string): Promise<{ id: string; status: TaskStatus }> {
    await this.units.run(async (uow) => {
      const [task]: { status: TaskStatus }[] = await uow.tx.query(`SELECT status FROM task WHERE id = $1 AND shopper_id = $2 FOR UPDATE`, [id, user.id]);
      if (!task) throw new NotFoundError(`task ${id} does not exist`);
      if (task.status !== TaskStatus.Assigned)
        throw new ConflictError(`task ${id} is ${task.status}: only an assigned task can be declined`, 'TASK_NOT_ASSIGNED');
      await this.states.decline(uow.tx, id, user.id, reason);
      uow.afterCommit(() => this.assignment.enqueue([id]));
    });
    const [after]: { status: TaskStatus }[] = await this.dataSource.query(`SELECT status FROM task WHERE id = $1`, [id]);
    return { id, status: after.status };
  }

  /** Who did a task and for which company: what an e-mail to its shopper about it needs. */
  async shopperOf(tx: EntityManager, taskId: string): Promise<{ email: string; locale: Locale; shopperName: string; companyName: string } | null> {
    const [row] = await tx.query(
      `SELECT u.email, u.locale, s.name AS "shopperName", co.legal_name AS "companyName"
         FROM task t JOIN (${USERS_SQL}) u ON u.id = t.shopper_id JOIN shopper s ON s.user_id = t.shopper_id JOIN (${COMPANIES_SQL}) co ON co.id = t.company_id
        WHERE t.id = $1`,
      [taskId],
    );
    return row ?? null;
  }
}

function toTaskView({ grids, ...task }: TaskRow): TaskView {
  return { ...task, grid: grids?.[task.channel] ?? [] };
}
