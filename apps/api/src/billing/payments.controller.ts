import { Controller, Get, Headers, HttpCode, Post, Req, type RawBodyRequest } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { Role } from '@app/accounts';
import { PaymentsService } from '@app/billing';
import { PaymentFlagView, WebhookAck } from './payment.dto';
import { Public, Roles } from '../auth/decorators';
import { ApiErrors } from '../http/api-errors';

@ApiTags('payments')
@Controller('payments')
export class PaymentsController {
  constructor(private readonly payments: PaymentsService) {}

  /**
   * The payment provider's signed events (`checkout.session.completed`). Verified on the exact bytes
   * received; each event is processed once; a payment that does not match its invoice is flagged, not recorded.
   */
  @Public()
  @Post('webhook')
  @ApiErrors(503)
  @HttpCode(200)
  @ApiHeader({ name: 'stripe-signature', required: true, description: 'Signature of the raw body with the webhook secret' })
  @ApiOkResponse({ type: WebhookAck })
  webhook(@Req() request: RawBodyRequest<FastifyRequest>, @Headers('stripe-signature') signature?: string): Promise<WebhookAck> {
    return this.payments.receiveWebhook(request.rawBody, signature);
  }

  /** Payments that were refused (wrong amount, unknown or already settled invoice), for the jury to settle. */
  @ApiBearerAuth()
  @Roles(Role.Jury)
  @Get('flags')
  @ApiOkResponse({ type: [PaymentFlagView] })
  flags(): Promise<PaymentFlagView[]> {
    return this.payments.listFlags();
  }
}
