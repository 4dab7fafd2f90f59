import { TitleCode } from '../titles/title-code.entity';
import { ResultsVersion } from './results-version.entity';

/** The tables publication owns, as TypeORM entities (its module registers them; the schema test checks them). */
export const PUBLICATION_ENTITIES = [ResultsVersion, TitleCode];
