// Readers for the export's files, written from the specifications rather than taken from the
// product's own writers: an RFC 4180 CSV parser, and an XLSX reader (ZIP central directory +
// node's inflateRaw, then the sheets' XML), so a writer bug cannot hide behind its own reader.
import { inflateRawSync } from 'node:zlib';

/**
 * RFC 4180 records. Strict: a quote inside an unquoted field, or text after a closing quote,
 * throws; records must end with CRLF (a bare LF outside quotes throws too).
 */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let i = 0;
  while (i < text.length) {
    let field = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        if (i >= text.length) throw new Error('unterminated quoted field');
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        field += text[i++];
      }
    } else {
      while (i < text.length && text[i] !== ',' && text[i] !== '\r' && text[i] !== '\n') {
        if (text[i] === '"') throw new Error(`quote inside an unquoted field at ${i}`);
        field += text[i++];
      }
    }
    record.push(field);
    if (text[i] === ',') {
      i++;
      continue;
    }
    if (text.startsWith('\r\n', i)) {
      records.push(record);
      record = [];
      i += 2;
      continue;
    }
    if (i < text.length) throw new Error(`expected , or CRLF at ${i}, found ${JSON.stringify(text[i])}`);
  }
  if (record.length) records.push(record);
  return records;
}

/** The files of a ZIP archive by name, read through its central directory. */
export function unzip(zip: Buffer): Map<string, Buffer> {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) throw new Error('not a zip archive (no end of central directory)');
  const entries = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  const files = new Map<string, Buffer>();
  for (let n = 0; n < entries; n++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error('bad central directory entry');
    const method = zip.readUInt16LE(at + 10);
    const compressedSize = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const localHeader = zip.readUInt32LE(at + 42);
    const name = zip.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    const dataAt = localHeader + 30 + zip.readUInt16LE(localHeader + 26) + zip.readUInt16LE(localHeader + 28);
    const data = zip.subarray(dataAt, dataAt + compressedSize);
    if (method !== 0 && method !== 8) throw new Error(`${name}: compression method ${method}`);
    files.set(name, method === 8 ? inflateRawSync(data) : Buffer.from(data));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return files;
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
const unescapeXml = (text: string): string =>
  text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, name: string) =>
    name.startsWith('#x') || name.startsWith('#X')
      ? String.fromCodePoint(parseInt(name.slice(2), 16))
      : name.startsWith('#')
        ? String.fromCodePoint(Number(name.slice(1)))
        : (ENTITIES[name] ?? whole),
  );

/** The text of every `<t>` inside `xml` (rich text runs are concatenated, as a spreadsheet shows). */
const textOf = (xml: string): string =>
  [...xml.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>|<t(?:\s[^>]*)?\/>/g)]
    .map((m) => unescapeXml(m[1] ?? ''))
    .join('');

const columnIndex = (ref: string): number =>
  [.../^[A-Z]+/.exec(ref)![0]].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0) - 1;

export interface Workbook {
  /** Sheet names in workbook order. */
  names: string[];
  /** Each sheet's rows; a missing cell reads as ''. Cells also keep their type (`t`) in `types`. */
  sheets: Map<string, string[][]>;
  /** The `t` attribute of every cell by sheet: `s`, `inlineStr`, `str` (formula result), `n`... */
  types: Map<string, string[][]>;
  /** Whether any cell of the sheet holds a formula (`<f>`). */
  formulas: Map<string, boolean>;
}

/** Reads an XLSX: workbook.xml for sheet names and order, sharedStrings.xml, each worksheet. */
export function readXlsx(file: Buffer): Workbook {
  const files = unzip(file);
  const text = (name: string): string => {
    const found = files.get(name);
    if (!found) throw new Error(`the workbook has no ${name} (has ${[...files.keys()].join(', ')})`);
    return found.toString('utf8');
  };
  const shared = files.has('xl/sharedStrings.xml')
    ? [...text('xl/sharedStrings.xml').matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => textOf(m[1]!))
    : [];
  const rels = new Map(
    [...text('xl/_rels/workbook.xml.rels').matchAll(/<Relationship\s([^>]*)\/?>/g)].map((m) => [
      /Id="([^"]+)"/.exec(m[1]!)![1]!,
      /Target="([^"]+)"/.exec(m[1]!)![1]!,
    ]),
  );
  const workbook: Workbook = { names: [], sheets: new Map(), types: new Map(), formulas: new Map() };
  for (const m of text('xl/workbook.xml').matchAll(/<sheet\s([^>]*)\/?>/g)) {
    const name = unescapeXml(/name="([^"]*)"/.exec(m[1]!)![1]!);
    const target = rels.get(/r:id="([^"]+)"/.exec(m[1]!)![1]!)!;
    const xml = text(target.startsWith('/') ? target.slice(1) : `xl/${target}`);
    const rows: string[][] = [];
    const types: string[][] = [];
    for (const row of xml.matchAll(/<row\s[^>]*?r="(\d+)"[^>]*>([\s\S]*?)<\/row>/g)) {
      const r = Number(row[1]) - 1;
      rows[r] ??= [];
      types[r] ??= [];
      for (const cell of row[2]!.matchAll(/<c\s([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
        const attributes = cell[1]!;
        const col = columnIndex(/r="([A-Z]+\d+)"/.exec(attributes)![1]!);
        const type = /\bt="([^"]+)"/.exec(attributes)?.[1] ?? 'n';
        const inner = cell[2] ?? '';
        const v = /<v>([\s\S]*?)<\/v>/.exec(inner)?.[1];
        rows[r]![col] =
          type === 's' ? shared[Number(v)]! : type === 'inlineStr' ? textOf(inner) : unescapeXml(v ?? '');
        types[r]![col] = type;
      }
    }
    const width = Math.max(0, ...rows.map((row) => row?.length ?? 0));
    const filled = (grid: string[][]) =>
      Array.from(grid, (row) => Array.from({ length: width }, (_, c) => row?.[c] ?? ''));
    workbook.names.push(name);
    workbook.sheets.set(name, filled(rows));
    workbook.types.set(name, filled(types));
    workbook.formulas.set(name, /<f[\s>]/.test(xml));
  }
  return workbook;
}
