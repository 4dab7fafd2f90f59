import type { Page } from '@app/core';
import type { Channel } from '@app/contest';
import type { EvaluationStatus } from './entities/evaluation.entity';

/** Measured facts: wait (phone, chat), reply delay (e-mail), and whether the request was resolved. */
export interface Facts {
  /** Seconds before a person answered; required for PHONE and CHAT. */
  waitSeconds?: number;
  /** Hours before the reply; required for EMAIL. */
  replyDelayHours?: number;
  resolved: boolean;
}

/** A shopper's evaluation of a task: when it was performed (ISO-8601 with its offset), the points per criterion key. */
export interface EvaluationSubmission {
  performedAt: string;
  answers: Record<string, number>;
  facts: Facts;
  comment?: string;
}

/** Which evaluations the jury lists, a page at a time. */
export interface EvaluationFilter extends Page {
  status?: EvaluationStatus;
  editionId?: string;
  categoryId?: string;
  shopperId?: string;
}

/** An evaluation as the jury reviews it and its shopper submitted it. */
export interface EvaluationView {
  id: string;
  taskId: string;
  entryId: string;
  categoryId: string;
  shopperId: string;
  channel: Channel;
  performedAt: Date;
  answers: Record<string, number>;
  facts: Record<string, unknown>;
  comment: string;
  status: EvaluationStatus;
  score: number;
  rejectionReason: string | null;
  reviewedBy: string | null;
  reviewedAt: Date | null;
  submittedAt: Date;
}

/** A rejected evaluation, and the task that replaces its task (null when none could be made). */
export interface RejectedEvaluationView extends EvaluationView {
  replacementTaskId: string | null;
}
