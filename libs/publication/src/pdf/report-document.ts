import { winAnsi, newPdfDocument } from '@app/core';
import type { EntryReport } from '../results.types';

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

const NAVY = '#0b2e59';
const AVERAGE_GREY = '#9a9aa0';
const LABEL_WIDTH = 170;
const BAR_HEIGHT = 7;
const PAGE_BOTTOM = A4.height - MARGIN;

function heading(doc: PDFKit.PDFDocument, title: string): void {
  if (doc.y > PAGE_BOTTOM - 80) doc.addPage();
  doc.moveDown();
  doc.fillColor('black').font('Helvetica-Bold').fontSize(12).text(winAnsi(title), MARGIN, doc.y);
  doc.font('Helvetica').fontSize(9).moveDown(0.3);
}

function pointList(doc: PDFKit.PDFDocument, title: string, points: EntryReport['strengths']): void {
  if (points.length === 0) return;
  heading(doc, title);
  for (const p of points) {
    doc.text(
      winAnsi(`• ${p.label} (${CHANNEL_LABELS[p.channel] ?? p.channel}) : ${figure(p.score)} / ${p.max}, moyenne de la catégorie ${figure(p.categoryAverage)}`),
      MARGIN,
      doc.y,
      {
        width: CONTENT_WIDTH,
      },
    );
  }
}

/**
 * Horizontal bars drawn as vector shapes: per row the entry's value (navy) over the category's average (grey),
 * both on the row's scale, with the figures written at the end. A legend first.
 */
function barChart(doc: PDFKit.PDFDocument, rows: { label: string; value: number | null; average: number | null; max: number }[]): void {
  const barX = MARGIN + LABEL_WIDTH;
  const barWidth = CONTENT_WIDTH - LABEL_WIDTH - 120;
  const legendY = doc.y;
  doc.rect(barX, legendY + 2, 10, BAR_HEIGHT).fill(NAVY);
  doc.fillColor('black').text('Vous', barX + 14, legendY, { lineBreak: false });
  doc.rect(barX + 60, legendY + 2, 10, BAR_HEIGHT).fill(AVERAGE_GREY);
  doc.fillColor('black').text('Moyenne de la catégorie', barX + 74, legendY, { lineBreak: false });
  doc.y = legendY + 16;
  for (const row of rows) {
    if (doc.y > PAGE_BOTTOM - 30) doc.addPage();
    const y = doc.y;
    doc.fillColor('black').text(winAnsi(row.label), MARGIN, y, { width: LABEL_WIDTH - 8, height: 2 * BAR_HEIGHT + 4, ellipsis: true });
    doc.rect(barX, y, barWidth, BAR_HEIGHT * 2 + 2).fill('#f1f1f3');
    const length = (value: number | null) => (value === null || row.max <= 0 ? 0 : Math.max(0, Math.min(1, value / row.max)) * barWidth);
    doc.rect(barX, y, length(row.value), BAR_HEIGHT).fill(NAVY);
    doc.rect(barX, y + BAR_HEIGHT + 2, length(row.average), BAR_HEIGHT).fill(AVERAGE_GREY);
    doc
      .fillColor('black')
      .text(winAnsi(`${figure(row.value)} / ${row.max} (moy. ${figure(row.average)})`), barX + barWidth + 8, y + 2, { width: 112, lineBreak: false });
    doc.y = y + 2 * BAR_HEIGHT + 10;
  }
  doc.x = MARGIN;
}

/** `report-2027-banking.pdf` */
export function reportFileName(report: Pick<EntryReport, 'editionYear' | 'categoryCode'>): string {
  return `rapport-${report.editionYear}-${report.categoryCode}.pdf`;
}

/** An entrant's private report, in French, as an A4 PDF: figures rounded to two decimals, traced to the frozen version and its digest. */
export async function renderReportDocument(report: EntryReport): Promise<Buffer> {
  const title = `${report.editionName} ${report.editionYear}`;
  const doc = await newPdfDocument({
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

  if (report.scoreInterval) {
    doc.moveDown(0.5);
    text(
      `En clair : votre score réel se situe, avec 95 % de confiance, entre ${figure(report.scoreInterval.low)} et ${figure(report.scoreInterval.high)} sur 20` +
        (report.rank !== null ? ` ; vous êtes ${report.rank === 1 ? '1re' : `${report.rank}e`} sur ${report.of} entreprises classées.` : '.'),
      { width: CONTENT_WIDTH },
    );
  }
  pointList(doc, 'Points forts', report.strengths);
  pointList(doc, 'Points à améliorer', report.weaknesses);

  heading(doc, 'Par canal, sur 20');
  barChart(
    doc,
    Object.entries(report.channelScores).map(([channel, score]) => ({
      label: CHANNEL_LABELS[channel] ?? channel,
      value: score,
      average: report.channelAverages[channel as keyof typeof report.channelAverages] ?? null,
      max: 20,
    })),
  );
  for (const channel of Object.keys(report.channelScores)) {
    const criteria = report.criterionScores.filter((c) => c.channel === channel);
    if (criteria.length === 0) continue;
    heading(doc, `${CHANNEL_LABELS[channel] ?? channel} : par critère`);
    barChart(
      doc,
      criteria.map((c) => ({ label: c.label, value: c.score, average: c.categoryAverage, max: c.max })),
    );
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
