import { Category } from './category.entity';
import { Edition } from './edition.entity';

/** The tables contest owns, as TypeORM entities (its module registers them; the schema test checks them). */
export const CONTEST_ENTITIES = [Edition, Category];
