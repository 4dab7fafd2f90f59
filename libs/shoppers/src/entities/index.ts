import { ShopperCompanyLoad } from './shopper-company-load.entity';
import { ShopperConflict } from './shopper-conflict.entity';
import { ShopperInvitation } from './shopper-invitation.entity';
import { ShopperWeekLoad } from './shopper-week-load.entity';
import { Shopper } from './shopper.entity';
import { TaskRefusal } from './task-refusal.entity';
import { Task } from './task.entity';

/** The tables shoppers owns, as TypeORM entities (its module registers them; the schema test checks them). */
export const SHOPPERS_ENTITIES = [Shopper, ShopperInvitation, ShopperConflict, Task, TaskRefusal, ShopperWeekLoad, ShopperCompanyLoad];
