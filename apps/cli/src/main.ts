import 'reflect-metadata';
import { HttpException } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { parseArgs } from 'node:util';
import { AccountsService } from '@app/accounts';
import { checkServices, ConfigError, DomainError, loadConfig } from '@app/core';
import { CliModule } from './cli.module';
import { JuryUserArgs } from './jury-user-args';

const USAGE = 'Usage: npm run jury:create -- --email <email> --password <password> [--name <name>]';

/** Operator commands that run against the platform's own services (`node dist/apps/cli/main.js <command>`). */
async function main(): Promise<void> {
  const [command, ...rest] = process.argv.slice(2);
  if (command !== 'jury:create') throw new UsageError(USAGE);
  let values: { email?: string; password?: string; name?: string };
  try {
    ({ values } = parseArgs({ args: rest, options: { email: { type: 'string' }, password: { type: 'string' }, name: { type: 'string' } } }));
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n${USAGE}`);
  }
  const dto = plainToInstance(JuryUserArgs, values);
  const errors = await validate(dto);
  if (errors.length > 0) throw new UsageError(`${errors.flatMap((e) => Object.values(e.constraints ?? {})).join('; ')}\n${USAGE}`);

  const config = loadConfig();
  const problems = await checkServices(config);
  if (problems.length > 0) throw new UsageError(problems.join('\n'));
  const app = await NestFactory.createApplicationContext(CliModule, { logger: ['error'] });
  try {
    const user = await app.get(AccountsService).createJuryUser(dto);
    console.log(`Jury account created: ${user.email} (${user.id})`);
  } finally {
    await app.close();
  }
}

class UsageError extends Error {}

main().catch((error: unknown) => {
  const known = error instanceof UsageError || error instanceof ConfigError || error instanceof HttpException || error instanceof DomainError;
  console.error(known ? (error as Error).message : error);
  process.exit(1);
});
