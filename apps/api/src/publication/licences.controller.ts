import { Controller, Get, Param, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Role, type AuthUser } from '@app/accounts';
import { InvoiceView } from '../billing/invoice.dto';
import { logoKit, logoKitFileName, TitlesService, type LicenceStatus } from '@app/publication';
import { CurrentUser, Roles } from '../auth/decorators';
import { ApiErrors } from '../http/api-errors';

export class LicenceView {
  @ApiPropertyOptional({ type: InvoiceView, nullable: true, description: 'The licence invoice; none when the category charges no licence fee' })
  invoice: InvoiceView | null;
  @ApiProperty({ enum: ['NONE', 'UNPAID', 'PAID'], description: 'NONE: no licence fee, the title comes with its licence' }) status: LicenceStatus;
  @ApiProperty({ description: 'Stable and unguessable: what the QR code on the logo carries' }) verificationCode: string;
  @ApiProperty({ example: 'https://palmares.example/verify/7K3M9Q2XW4HB8R6TJ5ND' }) verificationUrl: string;
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true, description: 'The logo may be used until then; null while unpaid' })
  validUntil: Date | null;
}

/** A winner's logo licence: its invoice, the verification link, and the logo kit once the licence is paid. */
@ApiTags('results')
@ApiBearerAuth()
@Roles(Role.Company, Role.Jury)
@Controller('entries/:id')
export class LicencesController {
  constructor(private readonly titles: TitlesService) {}

  @Get('licence')
  @ApiOkResponse({ type: LicenceView })
  @ApiErrors(404)
  async licence(@Param('id') id: string, @CurrentUser() user: AuthUser): Promise<LicenceView> {
    const { invoice, status, verificationCode, verificationUrl, validUntil } = await this.titles.licence(id, user);
    return { invoice, status, verificationCode, verificationUrl, validUntil };
  }

  @Get('logo-kit')
  @ApiOkResponse({
    description: 'logo.svg, logo.png and README.txt with the verification URL',
    content: { 'application/zip': { schema: { type: 'string', format: 'binary' } } },
  })
  @ApiErrors(404, 409)
  async kit(@Param('id') id: string, @CurrentUser() user: AuthUser): Promise<StreamableFile> {
    const licence = await this.titles.usableLicence(id, user);
    const bytes = logoKit(licence);
    return new StreamableFile(bytes, { type: 'application/zip', disposition: `attachment; filename="${logoKitFileName(licence)}"`, length: bytes.length });
  }
}
