export * from './notification.entity';
export * from './notification-sender.service';
export * from './notifications.module';
export * from './notifications.service';
export * from './templates/render';
export * from './templates/templates';
export * from './attachment-renderers';
