/**
 * A new pdfkit document. pdfkit (and the fonts it reads) is loaded on the first document, not when the app
 * starts: most starts render no PDF, and loading it cost a few hundred milliseconds of every start-up.
 */
export async function newPdfDocument(options: PDFKit.PDFDocumentOptions): Promise<PDFKit.PDFDocument> {
  const { default: PDFDocument } = await import('pdfkit');
  return new PDFDocument(options);
}
