import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AttachmentRenderers } from './attachment-renderers';
import { Notification } from './notification.entity';
import { NotificationSender } from './notification-sender.service';
import { NotificationsService } from './notifications.service';

@Module({
  imports: [TypeOrmModule.forFeature([Notification])],
  providers: [NotificationsService, NotificationSender, AttachmentRenderers],
  exports: [NotificationsService, NotificationSender, AttachmentRenderers],
})
export class NotificationsModule {}
