export * from './billing.module';
export * from './entities/invoice.entity';
export * from './entities/payment-flag.entity';
export * from './entities/payment.entity';
