import { Controller, Get, Param, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { parseId } from '@app/core';
import { Role, type AuthUser } from '@app/accounts';
import { ResultsReads, renderReportDocument, reportFileName } from '@app/publication';
import { EntryReport } from './report.dto';
import { CurrentUser, Roles } from '../auth/decorators';
import { ApiErrors } from '../http/api-errors';
import { ApiPdfResponse } from '../http/api-pdf';

@ApiTags('results')
@ApiBearerAuth()
@Controller('entries/:id/report')
export class ReportsController {
  constructor(private readonly reads: ResultsReads) {}

  /** The entry's private report, for its company's users and the jury, once results are published (404 before, and for another company). */
  @Roles(Role.Company, Role.Jury)
  @Get()
  @ApiOkResponse({ type: EntryReport })
  @ApiErrors(404)
  report(@Param('id', parseId('entry')) id: string, @CurrentUser() user: AuthUser): Promise<EntryReport> {
    return this.reads.report(id, user);
  }

  /** The same report as a PDF document. */
  @Roles(Role.Company, Role.Jury)
  @Get('pdf')
  @ApiErrors(404)
  @ApiPdfResponse()
  async pdf(@Param('id', parseId('entry')) id: string, @CurrentUser() user: AuthUser): Promise<StreamableFile> {
    const report = await this.reads.report(id, user);
    const bytes = await renderReportDocument(report);
    return new StreamableFile(bytes, { type: 'application/pdf', disposition: `attachment; filename="${reportFileName(report)}"`, length: bytes.length });
  }
}
