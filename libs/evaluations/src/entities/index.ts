import { CriterionTally } from './criterion-tally.entity';
import { EvaluationAnswer } from './evaluation-answer.entity';
import { Evaluation } from './evaluation.entity';

/**
 * The tables evaluations owns, as TypeORM entities (its module registers them; the schema test checks them).
 * `evaluation_answer` and `criterion_tally` are written by database triggers on `evaluation` only.
 */
export const EVALUATIONS_ENTITIES = [Evaluation, EvaluationAnswer, CriterionTally];
