import { Body, Controller, Module, Post } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { CreateEntryDto } from '@app/registration';
import { createValidationPipe } from '@app/core';

/** The HTTP ceiling: a bare Nest + Fastify POST that validates the same DTO as `POST /api/entries` and does nothing. */
@Controller()
class CeilingController {
  @Post('ceiling')
  accept(@Body() dto: CreateEntryDto) {
    return { categoryId: dto.categoryId };
  }
}

@Module({ controllers: [CeilingController] })
class CeilingModule {}

export async function startCeilingServer(port: number): Promise<NestFastifyApplication> {
  const app = await NestFactory.create<NestFastifyApplication>(CeilingModule, new FastifyAdapter(), { logger: false });
  app.useGlobalPipes(createValidationPipe());
  await app.listen({ port, host: '127.0.0.1' });
  return app;
}
