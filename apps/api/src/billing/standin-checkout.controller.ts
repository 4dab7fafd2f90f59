import { BadGatewayException, Controller, Get, Param, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '../auth/decorators';
import { StandinCheckout, type StandinSession } from '@app/billing';
import { AppConfig, formatEuros } from '@app/core';
import { pageTemplate, renderPage, sendHtml } from '../pages/html-page';
import { pageLocale } from '../pages/page-locale';

const MESSAGES = {
  fr: { title: 'Paiement par carte', standin: 'Page de démonstration : aucune carte n’est débitée.', invoice: 'Facture', pay: 'Payer', cancel: 'Annuler' },
  en: { title: 'Card payment', standin: 'Demonstration page: no card is charged.', invoice: 'Invoice', pay: 'Pay', cancel: 'Cancel' },
};

const checkoutPage = pageTemplate<{ t: (typeof MESSAGES)['fr']; session: StandinSession; amount: string; payUrl: string; cancelUrl: string }>(`
<h1>{{t.title}}</h1>
<p class="muted">{{t.standin}}</p>
<p>{{t.invoice}} {{session.number}} — {{session.description}}</p>
<p class="amount">{{amount}}</p>
<form method="post" action="{{payUrl}}"><button class="primary" type="submit">{{t.pay}}</button></form>
<form method="get" action="{{cancelUrl}}"><input type="hidden" name="cancelled" value="1"><p><button class="secondary" type="submit">{{t.cancel}}</button></p></form>
`);

/**
 * The stand-in of the provider's hosted checkout page (PAYMENT_PROVIDER=standin): the amount, Pay and Cancel.
 * Paying sends the provider's signed webhook over HTTP to this API's own `/api/payments/webhook`, then goes
 * back to the entry, as the provider's success and cancel URLs do.
 */
@ApiExcludeController()
@Public()
@Controller('checkout/standin')
export class StandinCheckoutController {
  constructor(
    private readonly standin: StandinCheckout,
    private readonly config: AppConfig,
  ) {}

  @Get(':sessionId')
  async page(@Param('sessionId') sessionId: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<FastifyReply> {
    const session = await this.standin.read(sessionId);
    const locale = pageLocale(request);
    const body = checkoutPage({
      t: MESSAGES[locale],
      session,
      amount: formatEuros(session.amountCents, locale),
      payUrl: `/checkout/standin/${sessionId}/pay`,
      cancelUrl: this.returnUrl(session),
    });
    return sendHtml(request, reply, renderPage({ locale, title: MESSAGES[locale].title, body }), 'no-store');
  }

  @Post(':sessionId/pay')
  async pay(@Param('sessionId') sessionId: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<FastifyReply> {
    const session = await this.standin.read(sessionId);
    const { payload, signature } = this.standin.completedWebhook(session);
    const response = await fetch(`${ownOrigin(request)}/api/payments/webhook`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'stripe-signature': signature },
      body: payload,
    });
    if (!response.ok) throw new BadGatewayException(`the payment webhook answered ${response.status}: ${await response.text()}`);
    return reply.redirect(`${this.returnUrl(session)}?paid=1`, 303);
  }

  /** Where the provider sends the payer back: the entry the invoice is for, or the invoice itself. */
  private returnUrl(session: StandinSession): string {
    const base = this.config.PUBLIC_URL.replace(/\/+$/, '');
    return session.entryId ? `${base}/entries/${session.entryId}` : `${base}/invoices/${session.invoiceId}`;
  }
}

/** This process's own listening address (the webhook goes to it as the provider's would, over HTTP). */
function ownOrigin(request: FastifyRequest): string {
  const addresses = request.server.addresses().filter((a) => typeof a !== 'string');
  const address = addresses.find((a) => a.family === 'IPv4') ?? addresses[0];
  const host = ['0.0.0.0', '::'].includes(address.address) ? '127.0.0.1' : address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return `http://${host}:${address.port}`;
}
