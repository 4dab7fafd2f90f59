import type { SeasonResult } from './season';

const score = (value: number | null) => (value === null ? '—' : value.toFixed(2).replace('.', ','));

/** The palmarès as a text table: category, outcome, winner, score /20 ± margin, entrants. */
export function palmaresTable(result: SeasonResult): string {
  const rows = result.palmares.map((c) => {
    const winner = c.winners[0];
    return [
      `${c.name} (${c.code})`,
      c.outcome === 'WINNER'
        ? c.winners.map((w) => w.companyName).join(' ex aequo ')
        : c.outcome === 'NO_WINNER'
          ? 'no winner'
          : 'cancelled (too few paid entries)',
      winner ? `${score(winner.score)} /20` : '',
      winner ? `± ${score(winner.marginOfError)}` : '',
      String(c.entrants),
    ];
  });
  const header = ['Category', 'Winner', 'Score', 'Margin (95 %)', 'Entrants'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => `| ${cells.map((cell, i) => cell.padEnd(widths[i])).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}
