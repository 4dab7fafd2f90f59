import { Body, Controller, Module, Post } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { NewEntry } from '@app/registration';
import { createValidationPipe } from '@app/core';

/**
 * The HTTP ceiling: a bare Nest + Fastify POST with the same global pipe as `POST /api/entries` that does nothing.
 * The request DTO is the API's own (benchmarks do not import apps/api), so the body is not checked field by field here.
 */
@Controller()
class CeilingController {
  @Post('ceiling')
  accept(@Body() dto: NewEntry) {
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
