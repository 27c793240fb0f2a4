import type { Summary } from './summary';

const HEADERS = [
  'workload',
  'server',
  'ops/s (median)',
  'spread',
  'p50 ms',
  'p99 ms',
  'CPU (cores)',
  'CPU ms/op',
  'RSS MB (peak)',
  'vs (d)',
  'vs (c)',
  'vs (e)',
  'failed',
];

function fixed(value: number | undefined, digits: number): string {
  return value !== undefined && Number.isFinite(value) ? value.toFixed(digits) : '–';
}

/** The cells of one table row. */
function cells(summary: Summary): string[] {
  const name = `${summary.group}: ${summary.id.split('/')[0]}`;
  if (summary.skipped) {
    return [name, summary.server, 'not measured', '', '', '', '', '', '', '', '', '', ''];
  }
  const unit = summary.unit === 'flow' ? ' flows' : '';
  return [
    name,
    summary.server,
    `${fixed(summary.rate, summary.rate < 100 ? 1 : 0)}${unit}`,
    `${fixed(summary.spread * 100, 0)}%`,
    fixed(summary.p50, 1),
    fixed(summary.p99, 1),
    fixed(summary.serverCores, 2),
    fixed(summary.cpuMsPerOp, 3),
    `${fixed(summary.rssMb, 0)} (${fixed(summary.peakRssMb, 0)})`,
    summary.vsD === undefined ? '' : `${summary.vsD.median.toFixed(2)}×`,
    summary.vsC === undefined ? '' : `${summary.vsC.median.toFixed(2)}×`,
    summary.vsE === undefined ? '' : `${summary.vsE.median.toFixed(2)}×`,
    String(summary.failed),
  ];
}

/** A Markdown table of the summaries. */
export function markdownTable(summaries: Summary[]): string {
  const lines = [
    `| ${HEADERS.join(' | ')} |`,
    `|${HEADERS.map((_, index) => (index < 2 ? '---' : '---:')).join('|')}|`,
  ];
  for (const summary of summaries) lines.push(`| ${cells(summary).join(' | ')} |`);
  return lines.join('\n');
}

/** A fixed-width table for the terminal. */
export function consoleTable(summaries: Summary[]): string {
  const rows = [HEADERS, ...summaries.map(cells)];
  const widths = HEADERS.map((_, column) =>
    Math.max(...rows.map((row) => (row[column] ?? '').length)),
  );
  return rows
    .map((row) =>
      row
        .map((cell, column) =>
          column < 2 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!),
        )
        .join('  '),
    )
    .join('\n');
}
