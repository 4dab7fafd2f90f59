import type { CategoryChannelSetup } from './category-rules';
import type { GridCriterion, PerChannel, Scenario } from './channels';
import type { CategoryStatus } from './entities/category.entity';

/** A new category as the jury sets it up: its channels, its fees (EUR cents, excluding VAT) and its thresholds. */
export interface NewCategory extends CategoryChannelSetup {
  code: string;
  name: string;
  entryFeeCents: number;
  licenceFeeCents: number;
  /** Percent; default 20. */
  vatRate?: number;
  minEntries?: number;
  awardThreshold?: number;
}

/** A category as it is read; the scenarios only for the jury. */
export interface CategoryView {
  id: string;
  editionId: string;
  code: string;
  name: string;
  entryFeeCents: number;
  entryFeeInclVatCents: number;
  licenceFeeCents: number;
  licenceFeeInclVatCents: number;
  vatRate: number;
  quotas: PerChannel<number>;
  weights: PerChannel<number>;
  grids: PerChannel<GridCriterion[]>;
  scenarios?: Scenario[];
  minEntries: number;
  awardThreshold: number;
  status: CategoryStatus;
  cancelledAt: string | null;
}
