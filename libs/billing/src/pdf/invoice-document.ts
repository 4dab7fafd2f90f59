import { InvoiceKind, type Invoice } from '../entities/invoice.entity';
import { formatEuros, formatVatRate, newPdfDocument } from '@app/core';
import { RECOVERY_INDEMNITY_EUROS, SELLER } from '../seller';
import { winAnsi } from '@app/core';

/** Everything printed on an invoice or a credit note. */
export interface InvoiceDocument {
  invoice: Invoice;
  /** IANA zone of the edition, in which dates are printed. */
  timezone: string;
  /** Invoice: when it falls due. */
  dueAt: Date | null;
  /** Credit note: the invoice it cancels. */
  credited: { number: string; issuedAt: Date } | null;
}

export const REVERSE_CHARGE_MENTION = 'Autoliquidation — TVA due par le preneur (article 196 de la directive 2006/112/CE)';

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 50;
const CONTENT_WIDTH = A4.width - 2 * MARGIN;
const GREY = '#6e6e73';
const GOLD = '#8a6d1d';

/** One formatter per zone: building an `Intl.DateTimeFormat` costs more than the rest of a date's printing. */
const frenchDateFormats = new Map<string, Intl.DateTimeFormat>();
function frenchDateFormat(timeZone: string): Intl.DateTimeFormat {
  let format = frenchDateFormats.get(timeZone);
  if (!format) frenchDateFormats.set(timeZone, (format = new Intl.DateTimeFormat('fr-FR', { timeZone, day: 'numeric', month: 'long', year: 'numeric' })));
  return format;
}

/** Renders an invoice or a credit note, in French, as a one-page A4 PDF. */
export async function renderInvoiceDocument(document: InvoiceDocument): Promise<Buffer> {
  const { invoice } = document;
  const creditNote = invoice.kind === InvoiceKind.CreditNote;
  const title = creditNote ? 'Avoir' : 'Facture';
  const date = (d: Date) => frenchDateFormat(document.timezone).format(d);
  const euros = (cents: number) => formatEuros(cents, 'fr');

  const doc = await newPdfDocument({
    size: 'A4',
    margin: MARGIN,
    info: { Title: `${title} ${invoice.number}`, Author: SELLER.name, Subject: invoice.description, CreationDate: invoice.issuedAt },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const text = (value: string, x: number, y: number | undefined, options: PDFKit.Mixins.TextOptions = {}) => {
    doc.text(winAnsi(value), x, y, options);
  };

  // Seller (top left).
  doc.fillColor(GOLD).font('Helvetica-Bold').fontSize(18);
  text(SELLER.name, MARGIN, MARGIN);
  doc.fillColor('black').font('Helvetica').fontSize(9);
  text(
    [SELLER.legalForm, ...SELLER.addressLines, `SIREN ${SELLER.siren} — ${SELLER.rcs}`, `N° TVA intracommunautaire : ${SELLER.vatNumber}`, SELLER.email].join(
      '\n',
    ),
    MARGIN,
    undefined,
    {
      width: 260,
    },
  );

  // Title, number and dates (top right).
  const right = { width: 230, align: 'right' as const };
  doc.font('Helvetica-Bold').fontSize(22);
  text(title.toUpperCase(), A4.width - MARGIN - 230, MARGIN, right);
  doc.font('Helvetica').fontSize(10);
  const heading = [`N° ${invoice.number}`, `Date d’émission : ${date(invoice.issuedAt)}`];
  if (document.dueAt) heading.push(`Échéance : ${date(document.dueAt)}`);
  if (document.credited) heading.push(`Annule la facture n° ${document.credited.number}`, `du ${date(document.credited.issuedAt)}`);
  text(heading.join('\n'), A4.width - MARGIN - 230, undefined, right);

  // Buyer.
  const buyer = invoice.buyer;
  const buyerTop = 190;
  const buyerLines = [buyer.legalName, buyer.billingAddress, `Pays : ${buyer.country}`];
  if (buyer.siren) buyerLines.push(`SIREN : ${buyer.siren}`);
  if (buyer.foreignRegistrationNumber) buyerLines.push(`N° d’immatriculation : ${buyer.foreignRegistrationNumber}`);
  if (buyer.vatNumber) buyerLines.push(`N° TVA intracommunautaire : ${buyer.vatNumber}`);
  doc.fillColor(GREY).font('Helvetica-Bold').fontSize(9);
  text(creditNote ? 'AVOIR ÉTABLI POUR' : 'FACTURÉ À', 300, buyerTop);
  doc.fillColor('black').font('Helvetica').fontSize(10);
  text(buyerLines.join('\n'), 300, buyerTop + 14, { width: CONTENT_WIDTH - 250 });
  const afterBuyer = Math.max(doc.y, buyerTop + 80);

  // One line: what is billed.
  const tableTop = afterBuyer + 30;
  const columns = [
    { label: 'Désignation', x: MARGIN + 6, width: 245, align: 'left' as const },
    { label: 'Qté', x: MARGIN + 255, width: 30, align: 'right' as const },
    { label: 'Prix unitaire HT', x: MARGIN + 290, width: 95, align: 'right' as const },
    { label: 'Montant HT', x: MARGIN + 390, width: 99, align: 'right' as const },
  ];
  doc.rect(MARGIN, tableTop, CONTENT_WIDTH, 20).fill('#f0ede4');
  doc.fillColor('black').font('Helvetica-Bold').fontSize(9);
  for (const column of columns) text(column.label, column.x, tableTop + 6, { width: column.width, align: column.align });
  doc.font('Helvetica').fontSize(10);
  const rowTop = tableTop + 28;
  const cells = [invoice.description, '1', euros(invoice.amountExclVatCents), euros(invoice.amountExclVatCents)];
  let rowBottom = rowTop;
  columns.forEach((column, i) => {
    text(cells[i], column.x, rowTop, { width: column.width, align: column.align });
    rowBottom = Math.max(rowBottom, doc.y);
  });
  doc
    .moveTo(MARGIN, rowBottom + 8)
    .lineTo(A4.width - MARGIN, rowBottom + 8)
    .strokeColor('#d2d2d7')
    .stroke();

  // Totals.
  const vatLabel = invoice.reverseCharge ? 'TVA (autoliquidation)' : `TVA ${formatVatRate(invoice.vatRateBp, 'fr')}`;
  const totals: [string, string, boolean][] = [
    ['Total HT', euros(invoice.amountExclVatCents), false],
    [vatLabel, euros(invoice.vatCents), false],
    ['Total TTC', euros(invoice.totalCents), true],
  ];
  let y = rowBottom + 20;
  for (const [label, amount, strong] of totals) {
    doc.font(strong ? 'Helvetica-Bold' : 'Helvetica').fontSize(strong ? 11 : 10);
    text(label, MARGIN + 290, y, { width: 110 });
    text(amount, MARGIN + 390, y, { width: 99, align: 'right' });
    y += strong ? 20 : 16;
  }

  // Mentions required on the document.
  const mentions: { text: string; strong?: boolean }[] = [];
  if (invoice.reverseCharge) mentions.push({ text: REVERSE_CHARGE_MENTION, strong: true });
  if (document.credited) {
    mentions.push({ text: `Cet avoir annule la facture n° ${document.credited.number} du ${date(document.credited.issuedAt)}.`, strong: true });
    if (invoice.reason) mentions.push({ text: `Motif : ${invoice.reason}` });
    mentions.push({ text: 'Le montant de cet avoir est remboursé par le moyen de paiement utilisé, ou déduit des sommes restant dues.' });
  } else {
    mentions.push({
      text:
        `Conditions de paiement : à régler au plus tard le ${date(document.dueAt ?? invoice.issuedAt)}, par carte bancaire depuis votre espace Palmares ` +
        `ou par virement (IBAN ${SELLER.bank.iban}, BIC ${SELLER.bank.bic}) en indiquant le numéro de facture ${invoice.number}. ` +
        'Pas d’escompte pour paiement anticipé.',
    });
    mentions.push({
      text:
        'Pénalités de retard : tout retard de paiement rend exigibles, sans rappel, des pénalités au taux appliqué par la Banque centrale ' +
        'européenne à son opération de refinancement la plus récente, majoré de 10 points (article L441-10 du Code de commerce), ainsi ' +
        `qu’une indemnité forfaitaire pour frais de recouvrement de ${RECOVERY_INDEMNITY_EUROS} € (article D441-5 du Code de commerce).`,
    });
  }
  mentions.push({ text: 'Catégorie de l’opération : prestation de services.' });
  y += 20;
  for (const mention of mentions) {
    doc.font(mention.strong ? 'Helvetica-Bold' : 'Helvetica').fontSize(9);
    text(mention.text, MARGIN, y, { width: CONTENT_WIDTH });
    y = doc.y + 6;
  }

  // Footer, inside the bottom margin (no page break).
  doc.page.margins.bottom = 0;
  doc.fillColor(GREY).font('Helvetica').fontSize(7.5);
  text(`${SELLER.name} — ${SELLER.legalForm} — ${SELLER.addressLines.join(', ')} — SIREN ${SELLER.siren} — TVA ${SELLER.vatNumber}`, MARGIN, A4.height - 40, {
    width: CONTENT_WIDTH,
    align: 'center',
    lineBreak: false,
  });
  doc.end();
  return done;
}
