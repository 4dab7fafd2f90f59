import { randomInt } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull, Not } from 'typeorm';
import { COMPANIES_SQL, Role, type AuthUser } from '@app/accounts';
import { BillingService, Invoice, InvoiceKind, InvoicePurpose, InvoiceStatus, type InvoiceView } from '@app/billing';
import { CATEGORIES_SQL, EDITIONS_SQL } from '@app/contest';
import { isUuid, AppConfig, ConflictError, NotFoundError } from '@app/core';
import { ENTRIES_SQL } from '@app/registration';
import { ResultsVersion } from '../entities/results-version.entity';
import type { FrozenFigures } from '../figures';
import { TitleCode } from './title-code.entity';

/** A company's title: its entry won its category in the edition's latest published results. */
export interface Title {
  entryId: string;
  companyId: string;
  companyName: string;
  editionYear: number;
  editionName: string;
  timezone: string;
  categoryCode: string;
  categoryName: string;
  /** When the edition's results were first published: a licence without fee runs a year from then. */
  firstPublishedAt: Date;
}

export type LicenceStatus = 'NONE' | 'UNPAID' | 'PAID';

export interface Licence {
  title: Title;
  invoice: InvoiceView | null;
  /** NONE: the category charges no licence fee, so the title comes with it. */
  status: LicenceStatus;
  verificationCode: string;
  verificationUrl: string;
  /** The logo may be used until this instant; null while the licence invoice is unpaid. */
  validUntil: Date | null;
}

/** What `/verify/<code>` tells anyone. */
export interface TitleVerification {
  code: string;
  /** The title still holds in the latest published results (a correction may have withdrawn it). */
  held: boolean;
  companyName: string;
  editionYear: number;
  editionName: string;
  categoryName: string;
  timezone: string;
  licenceValidUntil: Date | null;
}

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const LICENCE_YEARS = 1;

function newCode(): string {
  return Array.from({ length: 20 }, () => CROCKFORD[randomInt(32)]).join('');
}

function yearAfter(instant: Date): Date {
  const end = new Date(instant);
  end.setUTCFullYear(end.getUTCFullYear() + LICENCE_YEARS);
  return end;
}

/** Titles, their logo licence and their verification codes. */
@Injectable()
export class TitlesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly billing: BillingService,
    private readonly config: AppConfig,
  ) {}

  /** The entry's title, or null when it holds none (not a winner, or results not published). */
  async titleOf(entryId: string): Promise<Title | null> {
    const [entry]: { edition_id: string; year: number; name: string; timezone: string }[] = await this.dataSource.query(
      `SELECT e.edition_id, ed.year, ed.name, ed.timezone FROM (${ENTRIES_SQL}) e JOIN (${EDITIONS_SQL}) ed ON ed.id = e.edition_id WHERE e.id = $1`,
      [entryId],
    );
    if (!entry) return null;
    const published = { editionId: entry.edition_id, publishedAt: Not(IsNull()) };
    const [latest, first] = await Promise.all([
      this.dataSource.manager.findOne(ResultsVersion, { where: published, order: { version: 'DESC' } }),
      this.dataSource.manager.findOne(ResultsVersion, { where: published, order: { version: 'ASC' }, select: { id: true, publishedAt: true } }),
    ]);
    if (!latest || !first) return null;
    for (const category of (latest.figures as FrozenFigures).categories) {
      const row = category.rows.find((r) => r.entryId === entryId && r.winner);
      if (row)
        return {
          entryId,
          companyId: row.companyId,
          companyName: row.companyName,
          editionYear: entry.year,
          editionName: entry.name,
          timezone: entry.timezone,
          categoryCode: category.code,
          categoryName: category.name,
          firstPublishedAt: first.publishedAt!,
        };
    }
    return null;
  }

  /** The title's licence for its company (or the jury); 404 when the entry is another company's or holds no title. */
  async licence(entryId: string, user: AuthUser): Promise<Licence> {
    const title = isUuid(entryId) ? await this.titleOf(entryId) : null;
    if (!title || (user.role !== Role.Jury && title.companyId !== user.companyId))
      throw new NotFoundError(`entry ${entryId} holds no title: only a category's winner, once results are published, licenses the logo`);
    return this.licenceOf(title);
  }

  private async licenceOf(title: Title): Promise<Licence> {
    const entryId = title.entryId;
    const invoice = await this.dataSource.manager.findOneBy(Invoice, { entryId, purpose: InvoicePurpose.Licence, kind: InvoiceKind.Invoice });
    const view = invoice ? await this.billing.viewOf(invoice) : null;
    const status: LicenceStatus = !view ? 'NONE' : view.status === InvoiceStatus.Paid ? 'PAID' : 'UNPAID';
    const paidAt = view?.payments[0]?.receivedAt;
    const code = await this.codeFor(entryId);
    return {
      title,
      invoice: view,
      status,
      verificationCode: code,
      verificationUrl: this.verificationUrl(code),
      validUntil: status === 'NONE' ? yearAfter(title.firstPublishedAt) : paidAt ? yearAfter(paidAt) : null,
    };
  }

  /** The licence, once it may be used: 409 naming the invoice to pay before. */
  async usableLicence(entryId: string, user: AuthUser): Promise<Licence> {
    const licence = await this.licence(entryId, user);
    if (licence.status === 'UNPAID')
      throw new ConflictError(`the logo kit is available once the licence invoice ${licence.invoice!.number} is paid`, 'LICENCE_UNPAID');
    return licence;
  }

  /** Who holds the title a code names, and until when its logo licence runs; null for an unknown code. */
  async verify(code: string): Promise<TitleVerification | null> {
    const row = /^[0-9A-Z]{20}$/.test(code) ? await this.dataSource.manager.findOneBy(TitleCode, { code }) : null;
    if (!row) return null;
    const title = await this.titleOf(row.entryId);
    if (!title) {
      // withdrawn by a correction: say whose it was, no more
      const [was]: { company_name: string; year: number; name: string; timezone: string; category_name: string }[] = await this.dataSource.query(
        `SELECT co.legal_name AS company_name, ed.year, ed.name, ed.timezone, c.name AS category_name
           FROM (${ENTRIES_SQL}) e JOIN (${COMPANIES_SQL}) co ON co.id = e.company_id JOIN (${EDITIONS_SQL}) ed ON ed.id = e.edition_id
           JOIN (${CATEGORIES_SQL}) c ON c.id = e.category_id
          WHERE e.id = $1`,
        [row.entryId],
      );
      return {
        code,
        held: false,
        companyName: was.company_name,
        editionYear: was.year,
        editionName: was.name,
        categoryName: was.category_name,
        timezone: was.timezone,
        licenceValidUntil: null,
      };
    }
    const licence = await this.licenceOf(title);
    return {
      code,
      held: true,
      companyName: title.companyName,
      editionYear: title.editionYear,
      editionName: title.editionName,
      categoryName: title.categoryName,
      timezone: title.timezone,
      licenceValidUntil: licence.validUntil,
    };
  }

  verificationUrl(code: string): string {
    return `${this.config.PUBLIC_URL.replace(/\/+$/, '')}/verify/${code}`;
  }

  /** The title's code, made the first time it is asked for (two requests at once agree on one). */
  private async codeFor(entryId: string): Promise<string> {
    await this.dataSource.query(`INSERT INTO title_code (entry_id, code) VALUES ($1, $2) ON CONFLICT (entry_id) DO NOTHING`, [entryId, newCode()]);
    return (await this.dataSource.manager.findOneByOrFail(TitleCode, { entryId })).code;
  }
}
