import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AccountsService, COMPANIES_SQL, hashPassword, Role, TokensService, toAuthUser, toUserView, USERS_SQL, type AuthUser } from '@app/accounts';
import { pick, UnitsOfWork, AppConfig, audit, isUniqueViolation, ConflictError, NotFoundError } from '@app/core';
import { NotificationsService } from '@app/notifications';
import { ShopperInvitation } from '../entities/shopper-invitation.entity';
import { TaskAssignment } from '../tasks/task-assignment.service';
import { TaskStates } from '../tasks/task-states.service';
import type {
  AcceptInvitationResponse,
  ConflictView,
  InvitationAcceptance,
  InvitationView,
  NewInvitation,
  ShopperProfileView,
  ShopperSummaryView,
  ShopperUpdate,
  Suspension,
} from './shopper.types';

/** An invitation link lives as long as its token; an open invitation older than this no longer blocks its e-mail. */
export const INVITATION_LIFETIME_DAYS = 14;

interface ShopperRow {
  user_id: string;
  name: string;
  email: string;
  sectors: string[];
  weekly_capacity: number;
  suspended_at: Date | null;
  created_at: Date;
}

/** Shopper invitations, accounts, profiles (sectors, capacity, conflicts of interest) and suspension. */
@Injectable()
export class ShoppersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly notifications: NotificationsService,
    private readonly units: UnitsOfWork,
    private readonly tokens: TokensService,
    private readonly accounts: AccountsService,
    private readonly config: AppConfig,
    private readonly tasks: TaskAssignment,
    private readonly states: TaskStates,
  ) {}

  /** Invites a shopper by e-mail; one open invitation per e-mail, none for an e-mail that already has an account. */
  async invite(dto: NewInvitation, actorId: string): Promise<InvitationView> {
    try {
      return await this.units.run(async (uow) => {
        const outbox = this.notifications.outbox(uow);
        const tx = outbox.tx;
        if (await this.accounts.emailTaken(tx, dto.email))
          throw new ConflictError(`an account with the e-mail ${dto.email} already exists: it cannot be invited as a shopper`, 'EMAIL_TAKEN');
        // An open invitation whose link has expired no longer blocks the address: it is replaced.
        await tx.query(`DELETE FROM shopper_invitation WHERE email = $1 AND accepted_at IS NULL AND created_at < now() - make_interval(days => $2)`, [
          dto.email,
          INVITATION_LIFETIME_DAYS,
        ]);
        const invitation = await tx.save(
          tx.create(ShopperInvitation, {
            email: dto.email,
            name: dto.name,
            sectors: dto.sectors,
            weeklyCapacity: dto.weeklyCapacity,
            invitedBy: actorId,
          }),
        );
        await audit(tx, {
          actorId,
          action: 'shopper.invite',
          subjectType: 'shopper_invitation',
          subjectId: invitation.id,
          details: { email: dto.email, sectors: dto.sectors, weeklyCapacity: dto.weeklyCapacity },
        });
        const token = this.tokens.issuePurposeToken('shopper-invitation', invitation.id);
        await outbox.notify({
          template: 'shopper-invitation',
          to: invitation.email,
          locale: 'fr',
          data: {
            name: invitation.name,
            acceptUrl: `${this.config.PUBLIC_URL}/shopper-invitation?token=${encodeURIComponent(token)}`,
            sectors: invitation.sectors.join(', '),
            weeklyCapacity: invitation.weeklyCapacity,
          },
          dedupeKey: `shopper-invitation:${invitation.id}`,
        });
        return toInvitationView(invitation);
      });
    } catch (error) {
      if (isUniqueViolation(error, 'shopper_invitation_open_email'))
        throw new ConflictError(
          `an invitation for ${dto.email} is already open: it can be accepted until it expires, 14 days after it was sent`,
          'INVITATION_ALREADY_OPEN',
        );
      throw error;
    }
  }

  /** Turns an invitation into a confirmed SHOPPER account and its profile; an invitation works once. */
  async accept(dto: InvitationAcceptance): Promise<AcceptInvitationResponse> {
    const invitationId = this.tokens.readPurposeToken('shopper-invitation', dto.token);
    const passwordHash = await hashPassword(dto.password);
    const user = await this.dataSource.transaction(async (tx) => {
      const [rows] = (await tx.query(
        `UPDATE shopper_invitation SET accepted_at = now() WHERE id = $1 AND accepted_at IS NULL
         RETURNING id, email, name, sectors, weekly_capacity`,
        [invitationId],
      )) as [{ id: string; email: string; name: string; sectors: string[]; weekly_capacity: number }[], number];
      const invitation = rows[0];
      if (!invitation) {
        const [exists] = await tx.query(`SELECT 1 FROM shopper_invitation WHERE id = $1`, [invitationId]);
        if (!exists) throw new NotFoundError('this invitation no longer exists: ask the jury for a new one');
        throw new ConflictError('this invitation has already been accepted: an invitation link works once; log in instead', 'INVITATION_ALREADY_ACCEPTED');
      }
      const created = await this.accounts.insertUser(tx, {
        email: invitation.email,
        passwordHash,
        role: Role.Shopper,
        companyId: null,
        locale: dto.locale ?? 'fr',
        name: invitation.name,
        emailConfirmedAt: new Date(),
      });
      await tx.query(`UPDATE shopper_invitation SET user_id = $2 WHERE id = $1`, [invitation.id, created.id]);
      await tx.query(`INSERT INTO shopper (user_id, name, sectors, weekly_capacity) VALUES ($1, $2, $3, $4)`, [
        created.id,
        invitation.name,
        invitation.sectors,
        invitation.weekly_capacity,
      ]);
      return created;
    });
    return { accessToken: this.tokens.issueAccessToken(toAuthUser(user)), user: toUserView(user) };
  }

  async profile(userId: string, tx: EntityManager = this.dataSource.manager): Promise<ShopperProfileView> {
    const [row] = (await tx.query(
      `SELECT s.user_id, s.name, u.email, s.sectors, s.weekly_capacity, s.suspended_at, s.created_at
       FROM shopper s JOIN (${USERS_SQL}) u ON u.id = s.user_id WHERE s.user_id = $1`,
      [userId],
    )) as ShopperRow[];
    if (!row) throw new NotFoundError('this shopper profile does not exist');
    const conflicts = (await tx.query(
      `SELECT sc.siren, sc.reason, c.legal_name AS company_name
       FROM shopper_conflict sc LEFT JOIN (${COMPANIES_SQL}) c ON c.siren = sc.siren
       WHERE sc.shopper_id = $1 ORDER BY sc.siren`,
      [userId],
    )) as { siren: string; reason: string; company_name: string | null }[];
    return {
      ...shopperFields(row),
      conflicts: conflicts.map((c): ConflictView => ({ siren: c.siren, reason: c.reason, companyName: c.company_name })),
    };
  }

  /** Updates the caller's own profile; `conflicts`, when given, replaces the declared list, all in one transaction. */
  async update(user: AuthUser, dto: ShopperUpdate): Promise<ShopperProfileView> {
    return this.dataSource.transaction(async (tx) => {
      const [locked] = await tx.query(`SELECT 1 FROM shopper WHERE user_id = $1 FOR UPDATE`, [user.id]);
      if (!locked) throw new NotFoundError('this shopper profile does not exist');
      if (dto.sectors !== undefined || dto.weeklyCapacity !== undefined) {
        await tx.query(`UPDATE shopper SET sectors = COALESCE($2::text[], sectors), weekly_capacity = COALESCE($3::int, weekly_capacity) WHERE user_id = $1`, [
          user.id,
          dto.sectors ?? null,
          dto.weeklyCapacity ?? null,
        ]);
      }
      if (dto.conflicts !== undefined) {
        await tx.query(`DELETE FROM shopper_conflict WHERE shopper_id = $1`, [user.id]);
        if (dto.conflicts.length > 0) {
          await tx.query(`INSERT INTO shopper_conflict (shopper_id, siren, reason) SELECT $1, * FROM unnest($2::text[], $3::text[])`, [
            user.id,
            dto.conflicts.map((c) => c.siren),
            dto.conflicts.map((c) => c.reason),
          ]);
        }
      }
      return this.profile(user.id, tx);
    });
  }

  /** Every shopper with their task counts by status, for the jury. */
  async list(shopperId: string | null = null): Promise<ShopperSummaryView[]> {
    const rows = (await this.dataSource.query(
      `SELECT s.user_id, s.name, u.email, s.sectors, s.weekly_capacity, s.suspended_at, s.created_at,
              COALESCE(jsonb_object_agg(t.status, t.n) FILTER (WHERE t.status IS NOT NULL), '{}'::jsonb) AS tasks
       FROM shopper s
       JOIN (${USERS_SQL}) u ON u.id = s.user_id
       LEFT JOIN (SELECT shopper_id, status, count(*)::int AS n FROM task WHERE shopper_id IS NOT NULL AND ($1::uuid IS NULL OR shopper_id = $1) GROUP BY shopper_id, status) t
         ON t.shopper_id = s.user_id
       WHERE $1::uuid IS NULL OR s.user_id = $1
       GROUP BY s.user_id, u.email
       ORDER BY s.name, s.user_id`,
      [shopperId],
    )) as (ShopperRow & { tasks: Record<string, number> })[];
    return rows.map((row) => toSummaryView(row, row.tasks));
  }

  /** Suspends a shopper: no new task, and their open (assigned, not submitted) tasks go back to the queues. */
  async suspend(shopperId: string, dto: Suspension, actorId: string): Promise<ShopperSummaryView> {
    await this.units.run(async (uow) => {
      const tx = uow.tx;
      const [rows] = (await tx.query(`UPDATE shopper SET suspended_at = now() WHERE user_id = $1 AND suspended_at IS NULL RETURNING user_id`, [shopperId])) as [
        unknown[],
        number,
      ];
      if (rows.length === 0) await this.explainNoChange(tx, shopperId, 'already suspended');
      const taskIds = await this.states.releaseForSuspension(tx, shopperId);
      await audit(tx, {
        actorId,
        action: 'shopper.suspend',
        subjectType: 'shopper',
        subjectId: shopperId,
        details: { reason: dto.reason, releasedTasks: taskIds },
      });
      // A failure to queue is only logged by the assignment; the worker's reconciler queues stranded PENDING tasks.
      uow.afterCommit(() => this.tasks.enqueue(taskIds));
    });
    return this.summary(shopperId);
  }

  async reinstate(shopperId: string, actorId: string): Promise<ShopperSummaryView> {
    await this.dataSource.transaction(async (tx) => {
      const [rows] = (await tx.query(`UPDATE shopper SET suspended_at = NULL WHERE user_id = $1 AND suspended_at IS NOT NULL RETURNING user_id`, [
        shopperId,
      ])) as [unknown[], number];
      if (rows.length === 0) await this.explainNoChange(tx, shopperId, 'not suspended');
      await audit(tx, { actorId, action: 'shopper.reinstate', subjectType: 'shopper', subjectId: shopperId });
    });
    return this.summary(shopperId);
  }

  private async summary(shopperId: string): Promise<ShopperSummaryView> {
    const [found] = await this.list(shopperId);
    if (!found) throw new NotFoundError('shopper does not exist');
    return found;
  }

  private async explainNoChange(tx: EntityManager, shopperId: string, state: string): Promise<never> {
    const [exists] = await tx.query(`SELECT 1 FROM shopper WHERE user_id = $1`, [shopperId]);
    if (!exists) throw new NotFoundError('shopper does not exist');
    throw new ConflictError(`this shopper is ${state}`, 'SHOPPER_ALREADY_IN_STATE');
  }
}

function toInvitationView(invitation: ShopperInvitation): InvitationView {
  return {
    ...pick(invitation, ['id', 'email', 'name', 'sectors', 'weeklyCapacity', 'invitedBy']),
    acceptedAt: invitation.acceptedAt?.toISOString() ?? null,
    createdAt: invitation.createdAt.toISOString(),
  };
}

/** What the shopper's own profile and the jury's list both show of a shopper. */
function shopperFields(row: ShopperRow) {
  return {
    userId: row.user_id,
    name: row.name,
    email: row.email,
    sectors: row.sectors,
    weeklyCapacity: row.weekly_capacity,
    suspended: row.suspended_at !== null,
  };
}

function toSummaryView(row: ShopperRow, tasks: Record<string, number>): ShopperSummaryView {
  return {
    ...shopperFields(row),
    suspendedAt: row.suspended_at?.toISOString() ?? null,
    createdAt: row.created_at.toISOString(),
    tasks,
  };
}
