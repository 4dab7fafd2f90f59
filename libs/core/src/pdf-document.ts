/** The standard fonts the documents use, in the order pdfkit would number them (the first is the default). */
const STANDARD_FONTS = ['Helvetica', 'Helvetica-Bold'] as const;

/** What a document keeps of a font: pdfkit's per-document fields around the parsed metrics it shares. */
interface DocumentFont {
  document: unknown;
  id: string;
  dictionary?: unknown;
  embedded?: boolean;
}

/** pdfkit's font bookkeeping on a document (the fields `doc.font()` reads before it parses a font). */
interface FontBookkeeping {
  _fontFamilies: Record<string, DocumentFont>;
  _fontCount: number;
}

/**
 * Each standard font as pdfkit parsed it once in this process. pdfkit parses a standard font's metrics (a few
 * thousand kerning pairs) for every document that uses it, which was an eighth of the worker's CPU in a
 * registration rush; the parsed metrics never change, so documents share them.
 */
let parsed: Map<string, DocumentFont> | null = null;

/**
 * A new pdfkit document, with the standard fonts' metrics parsed once per process. pdfkit (and the fonts it reads)
 * is loaded on the first document, not when the app starts: most starts render no PDF, and loading it cost a few
 * hundred milliseconds of every start-up.
 */
export async function newPdfDocument(options: PDFKit.PDFDocumentOptions): Promise<PDFKit.PDFDocument> {
  const { default: PDFDocument } = await import('pdfkit');
  parsed ??= new Map(STANDARD_FONTS.map((name) => [name, (new PDFDocument({ font: name, autoFirstPage: false }) as unknown as { _font: DocumentFont })._font]));
  const doc = new PDFDocument({ ...options, font: null as unknown as string });
  const bookkeeping = doc as unknown as FontBookkeeping;
  for (const [name, font] of parsed) {
    // The document's own font object, as `doc.font(name)` would make it, around the shared metrics.
    bookkeeping._fontFamilies[name] = Object.assign(Object.create(Object.getPrototypeOf(font)) as DocumentFont, font, {
      document: doc,
      id: `F${++bookkeeping._fontCount}`,
      dictionary: undefined,
      embedded: false,
    });
  }
  return doc.font(STANDARD_FONTS[0]);
}
