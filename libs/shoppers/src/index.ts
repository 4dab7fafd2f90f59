export * from './entities/shopper-conflict.entity';
export * from './entities/shopper-invitation.entity';
export * from './entities/shopper.entity';
export * from './entities/task.entity';
export * from './shoppers.module';
