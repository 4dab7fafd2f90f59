import { Controller, Get, Param, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Role, type AuthUser } from '@app/accounts';
import { type EntryReport, renderReportDocument, reportFileName, PublicationService } from '@app/publication';
import { CurrentUser, Roles } from '../auth/decorators';

@ApiTags('results')
@ApiBearerAuth()
@Controller('entries/:id/report')
export class ReportsController {
  constructor(private readonly publication: PublicationService) {}

  /** The entry's private report, for its company's users and the jury, once results are published (404 before, and for another company). */
  @Roles(Role.Company, Role.Jury)
  @Get()
  report(@Param('id') id: string, @CurrentUser() user: AuthUser): Promise<EntryReport> {
    return this.publication.report(id, user);
  }

  /** The same report as a PDF document. */
  @Roles(Role.Company, Role.Jury)
  @Get('pdf')
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'The PDF document', schema: { type: 'string', format: 'binary' } })
  async pdf(@Param('id') id: string, @CurrentUser() user: AuthUser): Promise<StreamableFile> {
    const report = await this.publication.report(id, user);
    const bytes = await renderReportDocument(report);
    return new StreamableFile(bytes, { type: 'application/pdf', disposition: `attachment; filename="${reportFileName(report)}"`, length: bytes.length });
  }
}
