import { Check, Column, Entity, ForeignKey, PrimaryColumn } from 'typeorm';

/** One answer of an evaluation, as a row: written by a database trigger from the evaluation's `answers`. */
@Entity('evaluation_answer')
@Check('evaluation_answer_points_check', 'points >= 0')
@Check('evaluation_answer_weight_units_check', 'weight_units > 0')
export class EvaluationAnswer {
  @PrimaryColumn({ name: 'evaluation_id', type: 'uuid' })
  @ForeignKey('evaluation', { name: 'evaluation_answer_evaluation_id_fkey' })
  evaluationId: string;

  @PrimaryColumn({ name: 'criterion_key', type: 'text' })
  criterionKey: string;

  @Column({ type: 'int' })
  points: number;

  /** The criterion's weight × 10 000 in the grid the evaluation was written against. */
  @Column({ name: 'weight_units', type: 'int' })
  weightUnits: number;
}
