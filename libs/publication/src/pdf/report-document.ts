import PDFDocument from 'pdfkit';
import { winAnsi } from '@app/core';
import type { EntryReport } from '../dto/report.dto';

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 50;
const CONTENT_WIDTH = A4.width - 2 * MARGIN;
const GREY = '#6e6e73';
const GOLD = '#8a6d1d';

const CHANNEL_LABELS: Record<string, string> = { PHONE: 'Téléphone', EMAIL: 'E-mail', WEB: 'Site web', CHAT: 'Chat', SOCIAL: 'Réseaux sociaux' };

/** `15,23` (two decimals, French), or an en dash for no figure. */
function figure(value: number | null | undefined): string {
  return value === null || value === undefined ? '–' : value.toLocaleString('fr-FR', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

/** `report-2027-banking.pdf` */
export function reportFileName(report: Pick<EntryReport, 'editionYear' | 'categoryCode'>): string {
  return `rapport-${report.editionYear}-${report.categoryCode}.pdf`;
}

/** An entrant's private report, in French, as an A4 PDF: figures rounded to two decimals, traced to the frozen version and its digest. */
export function renderReportDocument(report: EntryReport): Promise<Buffer> {
  const title = `${report.editionName} ${report.editionYear}`;
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    info: { Title: winAnsi(`Rapport ${title} — ${report.categoryName}`), Author: 'Palmares', Subject: winAnsi(report.companyName) },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const text = (value: string, options: PDFKit.Mixins.TextOptions = {}) => doc.text(winAnsi(value), options);

  doc.fillColor(GOLD).font('Helvetica-Bold').fontSize(20);
  text(`${title} — rapport de résultats`);
  doc.fillColor('black').font('Helvetica').fontSize(11).moveDown(0.3);
  text(`Catégorie ${report.categoryName} — ${report.companyName}`);
  doc.moveDown();

  const outcome =
    report.categoryOutcome === 'CANCELLED'
      ? 'Catégorie annulée'
      : report.rank === null
        ? 'Données insuffisantes : non classée'
        : report.winner
          ? `Lauréate du titre « ${title} » (rang ${report.rank} sur ${report.of})`
          : `Rang ${report.rank} sur ${report.of}`;
  doc.font('Helvetica-Bold').fontSize(14);
  text(outcome);
  doc.font('Helvetica').fontSize(11).moveDown(0.5);
  text(`Score : ${figure(report.score)} / 20 (marge d’erreur à 95 % : ± ${figure(report.marginOfError)})`);
  text(`Moyenne de la catégorie : ${figure(report.categoryAverage)} / 20 — seuil d’attribution du titre : ${figure(report.awardThreshold)} / 20`);
  text(`Évaluations approuvées : ${report.approvedCount}`);
  if (report.insufficientChannels.length > 0) {
    text(`Canaux sans assez d’évaluations (80 % du quota) : ${report.insufficientChannels.map((c) => CHANNEL_LABELS[c] ?? c).join(', ')}`);
  }
  if (report.categoryOutcome === 'NO_WINNER') text('Le titre n’est pas décerné dans cette catégorie.');

  doc.moveDown();
  doc.font('Helvetica-Bold').fontSize(12);
  text('Détail par canal');
  doc.font('Helvetica').fontSize(10);
  for (const [channel, score] of Object.entries(report.channelScores)) {
    doc.font('Helvetica-Bold');
    text(`${CHANNEL_LABELS[channel] ?? channel} : ${figure(score)} / 20`);
    doc.font('Helvetica');
    for (const [criterion, value] of Object.entries(report.criterionScores[channel] ?? {})) text(`    ${criterion} : ${figure(value)}`);
  }

  doc.moveDown(2);
  doc.fillColor(GREY).fontSize(8);
  text(
    `Chiffres arrondis à deux décimales pour l’affichage ; le classement compare les valeurs exactes. Les chiffres publiés proviennent de la version ${report.version} ` +
      `des résultats, figée le ${report.frozenAt.toISOString()}` +
      (report.publishedAt ? ` et publiée le ${report.publishedAt.toISOString()}` : ' (non publiée)') +
      `, empreinte SHA-256 des données d’entrée : ${report.digest}.`,
    { width: CONTENT_WIDTH },
  );
  doc.end();
  return done;
}
