import { guessColumnMapping, guessImportFormat, type ColumnMapping, type ImportFormat } from '@mimamoru/core';

/** The start of a chosen file, for the format and column-mapping step: header row and the first records. */
export interface FilePreview {
  readonly format: ImportFormat;
  readonly headers: readonly string[];
  readonly rows: readonly (readonly string[])[];
  readonly mapping: Partial<ColumnMapping>;
  readonly delimiter: ',' | '\t';
}

const PREVIEW_BYTES = 64 * 1024;
const PREVIEW_ROWS = 3;

/** RFC 4180 records from the start of a CSV text (quoted commas, "" and line breaks); stops after `limit`. */
export function csvRecords(text: string, limit: number, delimiter = ','): string[][] {
  const records: string[][] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length && records.length < limit; i++) {
    const c = text[i] as string;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === delimiter) {
      fields.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      fields.push(field);
      if (fields.some((f) => f !== '')) records.push(fields);
      fields = [];
      field = '';
    } else field += c;
  }
  return records;
}

/**
 * Core's guess; when no column looks like the text (core then guesses nothing), the other columns are still guessed
 * so that only the text column is left to choose: a stand-in `text` header takes the text's place and is dropped.
 */
function guessMapping(headers: readonly string[]): Partial<ColumnMapping> {
  const guessed = guessColumnMapping(headers);
  if (guessed) return guessed;
  const { text: _standIn, ...others } = guessColumnMapping([...headers, 'text']) ?? { text: '' };
  return others;
}

/**
 * Reads the first 64 KB of the file (on this device) to guess its format and, for a CSV, its header and the
 * column mapping core guesses from it.
 */
export async function previewFile(file: Blob, name: string): Promise<FilePreview> {
  const head = (await file.slice(0, PREVIEW_BYTES).text()).replace(/^\uFEFF/, '');
  const firstLine = head.split(/\r?\n/).find((l) => l.trim() !== '') ?? '';
  const format = guessImportFormat(name, firstLine);
  const delimiter = name.toLowerCase().endsWith('.tsv') ? '\t' : ',';
  if (format !== 'csv') return { format, headers: [], rows: [], mapping: {}, delimiter };
  const [header = [], ...rows] = csvRecords(head, PREVIEW_ROWS + 1, delimiter);
  const headers = header.map((h) => h.trim());
  return { format, headers, rows, mapping: guessMapping(headers), delimiter };
}
