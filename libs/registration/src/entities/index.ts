import { Entry } from './entry.entity';

/** The tables registration owns, as TypeORM entities (its module registers them; the schema test checks them). */
export const REGISTRATION_ENTITIES = [Entry];
