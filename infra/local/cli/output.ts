// What the CLI prints: aligned tables for people, one JSON document for scripts (--json), and
// colour only when stdout is a terminal (and NO_COLOR is unset).
import { styleText } from 'node:util';

type Style = Parameters<typeof styleText>[0];

export const colour = (style: Style, text: string): string =>
  process.stdout.isTTY && !process.env.NO_COLOR ? styleText(style, text) : text;

export function printJson(value: unknown): void {
  process.stdout.write(JSON.stringify(value) + '\n');
}

export function printTable(rows: Record<string, string>[], columns: string[]): void {
  const widths = columns.map((c) => Math.max(c.length, ...rows.map((r) => [...(r[c] ?? '')].length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => cell.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  process.stdout.write(colour('bold', line(columns.map((c) => c.toUpperCase()))) + '\n');
  for (const row of rows) process.stdout.write(line(columns.map((c) => row[c] ?? '')) + '\n');
}

export function printFields(fields: [string, string][]): void {
  const width = Math.max(...fields.map(([name]) => name.length));
  for (const [name, value] of fields)
    process.stdout.write(`${colour('bold', name.padEnd(width))}  ${value}\n`);
}
