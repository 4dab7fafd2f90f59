import { newPdfDocument } from './pdf-document';

/** Draws the same page on `doc` and returns the file's bytes. */
function draw(doc: PDFKit.PDFDocument, name: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  doc.fontSize(12).text(`Facture de ${name}, AVANT l’échéance`, 50, 50, { width: 200 });
  doc.font('Helvetica-Bold').text('Total TTC : 16 416,00 €', { width: 200, align: 'right' });
  doc.font('Helvetica').text('Wave, Type, AV, To', { lineBreak: false });
  doc.end();
  return done;
}

describe('newPdfDocument', () => {
  const info = { Title: 'Facture', CreationDate: new Date('2027-01-15T10:00:00Z') };

  it('writes the same file as pdfkit left to parse its fonts itself, document after document', async () => {
    const { default: PDFDocument } = await import('pdfkit');
    for (const name of ['Société Dupont', 'Zoë Lambert']) {
      const own = await draw(new PDFDocument({ size: 'A4', info }), name);
      expect(await draw(await newPdfDocument({ size: 'A4', info }), name)).toEqual(own);
    }
  });

  it('gives each document its own fonts around the shared metrics', async () => {
    const [first, second] = [await newPdfDocument({ info }), await newPdfDocument({ info })];
    const fonts = (doc: PDFKit.PDFDocument) => (doc as unknown as { _fontFamilies: Record<string, { document: unknown; font: unknown }> })._fontFamilies;
    expect(fonts(first).Helvetica).not.toBe(fonts(second).Helvetica);
    expect(fonts(first).Helvetica.document).toBe(first);
    expect(fonts(first).Helvetica.font).toBe(fonts(second).Helvetica.font);
    await draw(first, 'a');
    expect((await draw(second, 'a')).length).toBeGreaterThan(0);
  });
});
