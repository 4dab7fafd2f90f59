import { BillingService, invoiceAttachment, InvoicePurpose, type Invoice, type IssueInvoiceInput } from '@app/billing';
import { AttachmentRenderers, NotificationsService } from '@app/notifications';
import { UnitsOfWork } from '@app/core';
import { signedInCompany } from './support/fixtures';
import { TestPlatform } from './support/platform';
import { issueEntryFeeInvoice, pdfText, seedCompany, seedEdition, shopperToken, signedInJury, type SeededEdition } from './support/billing';

describe('billing: invoices and credit notes', () => {
  let platform: TestPlatform;
  let billing: BillingService;
  let edition: SeededEdition;

  beforeAll(async () => {
    platform = await TestPlatform.start();
    billing = platform.api.get(BillingService);
    edition = await seedEdition(platform.dataSource);
  });
  afterAll(async () => {
    await platform.close();
  });

  const issue = (companyId: string, overrides: Partial<IssueInvoiceInput> = {}): Promise<Invoice> =>
    issueEntryFeeInvoice(platform, { editionId: edition.id, companyId, ...overrides });
  const creditNote = (invoiceId: string, reason = 'Retrait de l’inscription') =>
    platform.dataSource.transaction((tx) => billing.issueCreditNote(tx, invoiceId, reason));
  const numberOf = (year: number, sequence: number) => `${year}-${String(sequence).padStart(6, '0')}`;

  describe('numbering', () => {
    it('gives 200 concurrent transactions exactly the numbers 1 to 200, and rolled-back ones leave no gap', async () => {
      const numbering = await seedEdition(platform.dataSource);
      const companyId = await seedCompany(platform.dataSource);
      const attempts = Array.from({ length: 220 }, (_, i) =>
        platform.dataSource.transaction(async (tx) => {
          const invoice = await billing.issueInvoice(tx, {
            editionId: numbering.id,
            companyId,
            entryId: null,
            purpose: InvoicePurpose.EntryFee,
            description: `Inscription ${i}`,
            amountExclVatCents: 100_000,
            vatRateBp: 2000,
          });
          if (i % 11 === 10) throw new Error('the registration failed after the invoice was issued');
          return invoice;
        }),
      );
      const results = await Promise.allSettled(attempts);
      const issued = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
      const failed = results.filter((r) => r.status === 'rejected');
      expect(issued).toHaveLength(200);
      expect(failed).toHaveLength(20);

      const expected = Array.from({ length: 200 }, (_, i) => i + 1);
      const rows: { sequence: number; number: string }[] = await platform.dataSource.query(
        `SELECT sequence, number FROM invoice WHERE edition_id = $1 ORDER BY issued_at, sequence`,
        [numbering.id],
      );
      expect(rows.map((r) => r.sequence)).toEqual(expected); // gapless, no duplicate, and issue dates in number order
      expect(rows.map((r) => r.number)).toEqual(expected.map((n) => numberOf(numbering.year, n)));
      expect(issued.map((i) => i.sequence).sort((a, b) => a - b)).toEqual(expected);
      expect(rows[0].number).toMatch(/^20\d\d-000001$/);

      await expect(
        platform.dataSource.transaction(async (tx) => {
          await billing.issueInvoice(tx, {
            editionId: numbering.id,
            companyId,
            entryId: null,
            purpose: InvoicePurpose.Licence,
            description: 'Licence',
            amountExclVatCents: 1,
            vatRateBp: 2000,
          });
          throw new Error('rolled back');
        }),
      ).rejects.toThrow('rolled back');
      const next = await platform.dataSource.transaction((tx) =>
        billing.issueInvoice(tx, {
          editionId: numbering.id,
          companyId,
          entryId: null,
          purpose: InvoicePurpose.Licence,
          description: 'Licence',
          amountExclVatCents: 2_160_000,
          vatRateBp: 2000,
        }),
      );
      expect(next.number).toBe(numberOf(numbering.year, 201));
    });

    it('numbers each edition on its own', async () => {
      const other = await seedEdition(platform.dataSource);
      const companyId = await seedCompany(platform.dataSource);
      const first = await issue(companyId, { editionId: other.id });
      const second = await issue(companyId, { editionId: other.id });
      expect([first.number, second.number]).toEqual([numberOf(other.year, 1), numberOf(other.year, 2)]);
    });

    it('refuses an unknown edition or company', async () => {
      const companyId = await seedCompany(platform.dataSource);
      await expect(issue(companyId, { editionId: '00000000-0000-4000-8000-000000000000' })).rejects.toThrow(/edition .* does not exist/);
      await expect(issue('00000000-0000-4000-8000-000000000000')).rejects.toThrow(/company .* does not exist/);
    });
  });

  describe('amounts and VAT', () => {
    it('charges French VAT to a French buyer, with or without a VAT number, rounded half up to the cent', async () => {
      const french = await seedCompany(platform.dataSource, { country: 'FR', vatNumber: 'FR44732829320' });
      expect(await issue(french)).toMatchObject({
        amountExclVatCents: 1_368_000,
        vatRateBp: 2000,
        vatCents: 273_600,
        totalCents: 1_641_600,
        reverseCharge: false,
      });
      expect(await issue(french, { amountExclVatCents: 12_345, vatRateBp: 550 })).toMatchObject({ vatCents: 679, totalCents: 13_024 }); // 678.975
      expect(await issue(french, { amountExclVatCents: 5, vatRateBp: 1000 })).toMatchObject({ vatCents: 1, totalCents: 6 }); // 0.5 goes up
      expect(await issue(french, { amountExclVatCents: 12, vatRateBp: 2000 })).toMatchObject({ vatCents: 2, totalCents: 14 }); // 2.4 goes down
    });

    it('reverse-charges a German buyer with a VAT number, and charges VAT to one without', async () => {
      const withVat = await seedCompany(platform.dataSource, { legalName: 'Versicherung AG', country: 'DE', vatNumber: 'DE123456789' });
      const withoutVat = await seedCompany(platform.dataSource, { legalName: 'Kleinfirma GmbH', country: 'DE', vatNumber: null });
      expect(await issue(withVat)).toMatchObject({ amountExclVatCents: 1_368_000, vatRateBp: 0, vatCents: 0, totalCents: 1_368_000, reverseCharge: true });
      expect(await issue(withoutVat)).toMatchObject({ vatRateBp: 2000, vatCents: 273_600, totalCents: 1_641_600, reverseCharge: false });
    });

    it('keeps the buyer as it was when the invoice was issued', async () => {
      const companyId = await seedCompany(platform.dataSource, {
        legalName: 'Ancien Nom SA',
        country: 'DE',
        vatNumber: 'DE999999999',
        billingAddress: 'Unter den Linden 1, Berlin',
      });
      const invoice = await issue(companyId);
      await platform.dataSource.query(`UPDATE company SET legal_name = 'Nouveau Nom SA', vat_number = NULL WHERE id = $1`, [companyId]);
      const [row] = await platform.dataSource.query(`SELECT buyer FROM invoice WHERE id = $1`, [invoice.id]);
      expect(row.buyer).toEqual({
        legalName: 'Ancien Nom SA',
        billingAddress: 'Unter den Linden 1, Berlin',
        country: 'DE',
        siren: null,
        foreignRegistrationNumber: expect.stringMatching(/^HRB /),
        vatNumber: 'DE999999999',
      });
    });
  });

  it('refuses to change or delete an issued invoice (database trigger)', async () => {
    const invoice = await issue(await seedCompany(platform.dataSource));
    await expect(
      platform.dataSource.query(`UPDATE invoice SET amount_excl_vat_cents = 1, total_cents = 1, vat_cents = 0 WHERE id = $1`, [invoice.id]),
    ).rejects.toThrow(`invoice ${invoice.number} is issued and cannot be changed or deleted; issue a credit note`);
    await expect(platform.dataSource.query(`DELETE FROM invoice WHERE id = $1`, [invoice.id])).rejects.toThrow(/cannot be changed or deleted/);
    const [row] = await platform.dataSource.query(`SELECT total_cents FROM invoice WHERE id = $1`, [invoice.id]);
    expect(row.total_cents).toBe(1_641_600);
  });

  describe('credit notes', () => {
    it('cancels an invoice with the opposite amounts and the next number, once', async () => {
      const companyId = await seedCompany(platform.dataSource);
      const invoice = await issue(companyId);
      const note = await creditNote(invoice.id, 'Catégorie annulée : moins de 3 inscrits');
      expect(note).toMatchObject({
        kind: 'CREDIT_NOTE',
        creditedInvoiceId: invoice.id,
        companyId,
        editionId: edition.id,
        purpose: invoice.purpose,
        amountExclVatCents: -1_368_000,
        vatRateBp: 2000,
        vatCents: -273_600,
        totalCents: -1_641_600,
        reverseCharge: false,
        buyer: invoice.buyer,
        reason: 'Catégorie annulée : moins de 3 inscrits',
        sequence: invoice.sequence + 1,
        number: numberOf(edition.year, invoice.sequence + 1),
      });
      expect(note.description).toContain(invoice.number);

      const again = await creditNote(invoice.id, 'a second time');
      expect(again.id).toBe(note.id);
      const concurrent = await Promise.all(Array.from({ length: 5 }, () => creditNote(invoice.id)));
      expect(new Set(concurrent.map((n) => n.id))).toEqual(new Set([note.id]));
      const [{ n }] = await platform.dataSource.query(`SELECT count(*)::int AS n FROM invoice WHERE credited_invoice_id = $1`, [invoice.id]);
      expect(n).toBe(1);
      // Nothing was consumed by the repeated calls: the next document takes the next number.
      expect((await issue(companyId)).sequence).toBe(note.sequence + 1);

      const views = await billing.invoiceViews([invoice.id, note.id]);
      expect(views.get(invoice.id)).toMatchObject({ status: 'CREDITED', creditNoteId: note.id, payments: [] });
      expect(views.get(note.id)).toMatchObject({ status: 'ISSUED', kind: 'CREDIT_NOTE', creditedInvoiceId: invoice.id, totalCents: -1_641_600 });
    });

    it('refuses to credit a credit note', async () => {
      const note = await creditNote((await issue(await seedCompany(platform.dataSource))).id);
      await expect(creditNote(note.id)).rejects.toThrow(`${note.number} is a credit note: a credit note cannot itself be credited`);
    });
  });

  describe('HTTP', () => {
    let a: Awaited<ReturnType<typeof signedInCompany>>;
    let b: Awaited<ReturnType<typeof signedInCompany>>;
    let jury: Awaited<ReturnType<typeof signedInJury>>;
    let invoiceA: Invoice;
    let noteA: Invoice;
    let invoiceB: Invoice;

    beforeAll(async () => {
      [a, b, jury] = await Promise.all([
        signedInCompany(platform.client, platform.inbox, { companyName: 'Banque Alpha SA' }),
        signedInCompany(platform.client, platform.inbox, {
          companyName: 'Bravo Versicherung AG',
          siren: undefined,
          country: 'DE',
          foreignRegistrationNumber: 'HRB 4242',
          vatNumber: 'DE811111111',
        }),
        signedInJury(platform),
      ]);
      invoiceA = await issue(a.companyId, { description: 'Inscription de Banque Alpha SA — catégorie Banque' });
      noteA = await creditNote((await issue(a.companyId)).id, 'Retrait avant la date limite');
      invoiceB = await issue(b.companyId);
    });

    it('lists a company’s own invoices and credit notes only', async () => {
      const list = await platform.client.get('/api/invoices', a.token);
      expect(list.status).toBe(200);
      expect(list.body.map((i: any) => i.companyId)).toEqual(list.body.map(() => a.companyId));
      expect(list.body.map((i: any) => i.id)).toEqual(expect.arrayContaining([invoiceA.id, noteA.id]));
      expect(list.body.map((i: any) => i.id)).not.toContain(invoiceB.id);
      const own = list.body.find((i: any) => i.id === invoiceA.id);
      expect(own).toEqual({
        id: invoiceA.id,
        kind: 'INVOICE',
        purpose: 'ENTRY_FEE',
        number: invoiceA.number,
        editionId: edition.id,
        companyId: a.companyId,
        entryId: null,
        creditedInvoiceId: null,
        creditNoteId: null,
        description: 'Inscription de Banque Alpha SA — catégorie Banque',
        reason: null,
        amountExclVatCents: 1_368_000,
        vatRateBp: 2000,
        vatCents: 273_600,
        totalCents: 1_641_600,
        reverseCharge: false,
        issuedAt: invoiceA.issuedAt.toISOString(),
        status: 'UNPAID',
        payments: [],
        pdfUrl: `/api/invoices/${invoiceA.id}/pdf`,
        transfer: { iban: 'FR76 3000 6000 0112 3456 7890 189', bic: 'AGRIFRPPXXX', beneficiary: 'Palmares SAS', reference: invoiceA.number },
      });
      // A company cannot widen its view with the jury's filters.
      const widened = await platform.client.get(`/api/invoices?companyId=${b.companyId}`, a.token);
      expect(widened.body.map((i: any) => i.id)).not.toContain(invoiceB.id);
    });

    it('lets the jury list every invoice, by company and by edition', async () => {
      const byCompany = await platform.client.get(`/api/invoices?companyId=${b.companyId}`, jury.token);
      expect(byCompany.status).toBe(200);
      expect(byCompany.body.map((i: any) => i.id)).toEqual([invoiceB.id]);
      expect(byCompany.body[0]).toMatchObject({ reverseCharge: true, vatCents: 0, totalCents: 1_368_000 });
      const byEdition = await platform.client.get(`/api/invoices?editionId=${edition.id}&companyId=${a.companyId}`, jury.token);
      expect(byEdition.body.map((i: any) => i.id)).toEqual(expect.arrayContaining([invoiceA.id, noteA.id]));
      const bad = await platform.client.get('/api/invoices?companyId=nope', jury.token);
      expect(bad.status).toBe(400);
      expect(bad.body.message).toBe('companyId must be a UUID');
    });

    it('answers 404, not 403, to a company reading another company’s invoice or its PDF', async () => {
      for (const url of [`/api/invoices/${invoiceA.id}`, `/api/invoices/${invoiceA.id}/pdf`]) {
        const response = await platform.client.get(url, b.token);
        expect(response.status).toBe(404);
        expect(response.body).toEqual({ statusCode: 404, error: 'Not Found', message: `invoice ${invoiceA.id} does not exist`, code: 'NOT_FOUND' });
      }
      expect((await platform.client.get(`/api/invoices/${invoiceA.id}`, jury.token)).status).toBe(200);
      const malformed = await platform.client.get('/api/invoices/not-a-uuid', a.token);
      expect(malformed.status).toBe(404);
      expect(malformed.body.message).toBe('invoice not-a-uuid does not exist');
    });

    it('keeps invoices from shoppers and anonymous callers', async () => {
      const shopper = await shopperToken(platform);
      expect((await platform.client.get('/api/invoices', shopper)).status).toBe(403);
      expect((await platform.client.get(`/api/invoices/${invoiceA.id}/pdf`, shopper)).status).toBe(403);
      expect((await platform.client.get('/api/invoices')).status).toBe(401);
    });

    it('serves the invoice as a French PDF with the legal mentions', async () => {
      const response = await platform.client.get(`/api/invoices/${invoiceA.id}/pdf`, a.token);
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toBe('application/pdf');
      expect(response.headers['content-disposition']).toBe(`attachment; filename="facture-${invoiceA.number}.pdf"`);
      const pdf = response.body as Buffer;
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      const text = pdfText(pdf);
      for (const expected of [
        'FACTURE',
        `N° ${invoiceA.number}`,
        'Palmares SAS',
        'SIREN 912345675',
        'FR65912345675',
        'Banque Alpha SA',
        '1 rue de la Paix, 75002 Paris',
        'Inscription de Banque Alpha SA',
        'Total HT 13 680,00 €',
        'TVA 20 % 2 736,00 €',
        'Total TTC 16 416,00 €',
        `Échéance : 25 mars ${edition.year}`, // the edition's payment deadline, in Paris time
        'Pénalités de retard',
        'indemnité forfaitaire pour frais de recouvrement de 40 €',
        'Pas d’escompte pour paiement anticipé',
      ])
        expect(text).toContain(expected);
      expect(text).not.toContain('Autoliquidation');
    });

    it('prints the reverse-charge mention and the buyer’s VAT number when there is no VAT', async () => {
      const response = await platform.client.get(`/api/invoices/${invoiceB.id}/pdf`, b.token);
      const text = pdfText(response.body as Buffer);
      expect(text).toContain('Autoliquidation — TVA due par le preneur (article 196 de la directive 2006/112/CE)');
      expect(text).toContain('DE811111111');
      expect(text).toContain('TVA (autoliquidation) 0,00 €');
      expect(text).toContain('Total TTC 13 680,00 €');
    });

    it('serves a credit note as an "Avoir" naming the invoice it cancels', async () => {
      const response = await platform.client.get(`/api/invoices/${noteA.id}/pdf`, jury.token);
      expect(response.status).toBe(200);
      expect(response.headers['content-disposition']).toBe(`attachment; filename="avoir-${noteA.number}.pdf"`);
      const credited = (await billing.invoiceViews([noteA.creditedInvoiceId!])).get(noteA.creditedInvoiceId!)!;
      const text = pdfText(response.body as Buffer);
      expect(text).toContain('AVOIR');
      expect(text).toContain(`N° ${noteA.number}`);
      expect(text).toContain(`Cet avoir annule la facture n° ${credited.number}`);
      expect(text).toContain('Motif : Retrait avant la date limite');
      expect(text).toContain('Total TTC -16 416,00 €');
    });

    it('renders the invoice attached by reference to an e-mail when the worker sends it', async () => {
      const pdf = await platform.api.get(AttachmentRenderers).render(invoiceAttachment(invoiceA).ref);
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      expect(invoiceAttachment(invoiceA)).toEqual({
        filename: `facture-${invoiceA.number}.pdf`,
        contentType: 'application/pdf',
        ref: { kind: 'invoice-pdf', id: invoiceA.id },
      });

      await platform.api.get(UnitsOfWork).run((uow) =>
        platform.api
          .get(NotificationsService)
          .outbox(uow)
          .notify({
            template: 'payment-received',
            to: a.email,
            data: { companyName: 'Banque Alpha SA', invoiceNumber: invoiceA.number, amount: '16 416,00 €', method: 'virement bancaire' },
            attachments: [invoiceAttachment(invoiceA)],
            dedupeKey: `test-attachment:${invoiceA.id}`,
          }),
      );
      const mail = await platform.inbox.waitForMail(a.email, { subject: /Paiement reçu/ });
      expect(mail.attachments).toHaveLength(1);
      expect(mail.attachments[0].filename).toBe(`facture-${invoiceA.number}.pdf`);
      expect(mail.attachments[0].contentType).toBe('application/pdf');
      expect(pdfText(mail.attachments[0].content)).toContain(`N° ${invoiceA.number}`);
    });
  });
});
