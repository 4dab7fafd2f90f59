export * from './api-client';
export * from './parallel';
export * from './payment-provider';
export * from './smtp-inbox';
export * from './wait';
export * from './season/season';
export * from './season/checks';
export * from './season/palmares';
