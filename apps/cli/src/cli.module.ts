import { Module } from '@nestjs/common';
import { PlatformModule } from '@app/platform';

@Module({ imports: [PlatformModule] })
export class CliModule {}
