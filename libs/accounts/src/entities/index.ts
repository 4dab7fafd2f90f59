import { AccountLink } from '../links/account-link.entity';
import { RefreshToken } from '../sessions/refresh-token.entity';
import { Company } from './company.entity';
import { User } from './user.entity';

/** The tables accounts owns, as TypeORM entities (its module registers them; the schema test checks them). */
export const ACCOUNTS_ENTITIES = [Company, User, RefreshToken, AccountLink];
