import { Foundation1764000000000 } from './1764000000000-foundation';
import { SeasonOpening1764100000000 } from './1764100000000-season-opening';
import { ShoppersAndTasks1764400000000 } from './1764400000000-shoppers-and-tasks';
import { Assignment1764500000000 } from './1764500000000-assignment';
import { Results1764600000000 } from './1764600000000-results';
import { RankingSums1764700000000 } from './1764700000000-ranking-sums';
import { PortalAccounts1764800000000 } from './1764800000000-portal-accounts';
import { TitleCodes1764810000000 } from './1764810000000-title-codes';
import { InputsHash1764830000000 } from './1764830000000-inputs-hash';
import { InvoiceQueue1764840000000 } from './1764840000000-invoice-queue';

/** Every migration, in order. A new migration is added here as well as in this folder. */
export const MIGRATIONS = [
  Foundation1764000000000,
  SeasonOpening1764100000000,
  ShoppersAndTasks1764400000000,
  Assignment1764500000000,
  Results1764600000000,
  RankingSums1764700000000,
  PortalAccounts1764800000000,
  TitleCodes1764810000000,
  InputsHash1764830000000,
  InvoiceQueue1764840000000,
];
