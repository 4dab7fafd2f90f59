import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { IsolationLevel } from 'typeorm/driver/types/IsolationLevel';

export type AfterCommit = () => Promise<void>;

/**
 * One database transaction (`tx`) and what must happen only once it has committed: e-mails put on their
 * queue by the outbox, jobs queued for the rows just written. Nothing registered runs if the work throws.
 */
export class UnitOfWork {
  private readonly hooks: AfterCommit[] = [];

  constructor(readonly tx: EntityManager) {}

  /** Runs `hook` after the commit, in the order registered. */
  afterCommit(hook: AfterCommit): void {
    this.hooks.push(hook);
  }

  /** @internal called by {@link UnitsOfWork.run} once the transaction has committed. */
  async committed(): Promise<void> {
    for (const hook of this.hooks) await hook();
  }
}

/**
 * Runs work in one transaction, then its after-commit hooks. A hook that fails rejects the caller after the
 * commit; the hooks whose work a relay or a recovery can catch up (outbox, task queueing) only log.
 */
@Injectable()
export class UnitsOfWork {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async run<T>(work: (uow: UnitOfWork) => Promise<T>, isolation?: IsolationLevel): Promise<T> {
    let uow!: UnitOfWork;
    const inTransaction = (tx: EntityManager) => {
      uow = new UnitOfWork(tx);
      return work(uow);
    };
    const result = isolation ? await this.dataSource.transaction(isolation, inTransaction) : await this.dataSource.transaction(inTransaction);
    await uow.committed();
    return result;
  }
}
