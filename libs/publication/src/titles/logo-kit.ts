import { Resvg } from '@resvg/resvg-js';
import { strToU8, zipSync } from 'fflate';
import Handlebars from 'handlebars';
import type { Licence } from './titles.service';

/** The title's logo as SVG: the edition, its year and the category, with the verification address. */
const logoSvg = Handlebars.compile<{ editionName: string; year: number; categoryName: string; verificationUrl: string }>(
  `<svg xmlns="http://www.w3.org/2000/svg" width="600" height="600" viewBox="0 0 600 600" role="img" aria-label="{{editionName}} {{year}} — {{categoryName}}">
  <circle cx="300" cy="300" r="290" fill="#0b2e59"/>
  <circle cx="300" cy="300" r="262" fill="none" stroke="#d4af37" stroke-width="8"/>
  <text x="300" y="190" text-anchor="middle" font-family="DejaVu Sans, Helvetica, Arial, sans-serif" font-size="34" fill="#ffffff">{{editionName}}</text>
  <text x="300" y="320" text-anchor="middle" font-family="DejaVu Sans, Helvetica, Arial, sans-serif" font-size="120" font-weight="bold" fill="#d4af37">{{year}}</text>
  <text x="300" y="400" text-anchor="middle" font-family="DejaVu Sans, Helvetica, Arial, sans-serif" font-size="34" fill="#ffffff">{{categoryName}}</text>
  <text x="300" y="470" text-anchor="middle" font-family="DejaVu Sans, Helvetica, Arial, sans-serif" font-size="15" fill="#ffffff">{{verificationUrl}}</text>
</svg>
`,
  { strict: true },
);

const readme = Handlebars.compile<{
  companyName: string;
  editionName: string;
  year: number;
  categoryName: string;
  verificationUrl: string;
  validUntil: string;
}>(
  `{{companyName}} — {{editionName}} {{year}}, {{categoryName}}

FR — Logo du titre
Fichiers : logo.svg (vectoriel, pour l'impression) et logo.png (600 × 600 px, pour l'écran).
Licence d'utilisation valable jusqu'au {{validUntil}} (UTC).
Toute personne peut vérifier le titre à cette adresse (à joindre au logo, par exemple en QR code) :
{{verificationUrl}}

EN — The title's logo
Files: logo.svg (vector, for print) and logo.png (600 × 600 px, for screens).
Licence valid until {{validUntil}} (UTC).
Anyone can verify the title at this address (put it next to the logo, for example as a QR code):
{{verificationUrl}}
`,
  { strict: true, noEscape: true },
);

/** The logo kit of a usable licence: `logo.svg`, `logo.png` (rendered from the SVG) and a README with the verification URL. */
export function logoKit(licence: Licence): Buffer {
  const { title } = licence;
  const svg = logoSvg({ editionName: title.editionName, year: title.editionYear, categoryName: title.categoryName, verificationUrl: licence.verificationUrl });
  const png = new Resvg(svg, { font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' } }).render().asPng();
  const text = readme({
    companyName: title.companyName,
    editionName: title.editionName,
    year: title.editionYear,
    categoryName: title.categoryName,
    verificationUrl: licence.verificationUrl,
    validUntil: licence.validUntil!.toISOString().slice(0, 10),
  });
  return Buffer.from(zipSync({ 'logo.svg': strToU8(svg), 'logo.png': png, 'README.txt': strToU8(text) }));
}

/** `logo-2027-banking.zip` */
export function logoKitFileName(licence: Licence): string {
  return `logo-${licence.title.editionYear}-${licence.title.categoryCode}.zip`;
}
