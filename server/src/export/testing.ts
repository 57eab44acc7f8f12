/** Reading exports back in tests, independently of the writers. */

/** RFC 4180 reader for tests: quoted fields, doubled quotes, CRLF records (the BOM is the caller's to strip). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const endField = () => {
    row.push(field);
    field = '';
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') endField();
    else if (ch === '\r' && text[i + 1] === '\n') {
      endField();
      rows.push(row);
      row = [];
      i++;
    } else field += ch;
  }
  if (field !== '' || row.length > 0) {
    endField();
    rows.push(row);
  }
  return rows;
}

/*
 * A strict CSV reader for tests of the CSV files, with either separator. No CSV library is a dependency, and a
 * lenient reader would hide exactly the faults these tests look for, so anything RFC 4180 does not allow is an
 * error here rather than a guess: a quote inside an unquoted field, text after a closing quote, a bare CR or LF
 * outside quotes, an unterminated quote, a last record without CRLF, records of unequal length.
 */

export class CsvSyntaxError extends Error {}

/** The records of `text` (BOM already removed), each a list of fields. */
export function readCsvStrict(text: string, separator: ',' | ';'): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  const fail = (why: string): never => {
    throw new CsvSyntaxError(`${why} at offset ${i} (record ${rows.length + 1}, field ${row.length + 1})`);
  };
  // At the start of each field: read one field, then the separator or the record end after it.
  while (i < text.length) {
    if (text[i] === '"') {
      i++;
      for (;;) {
        if (i >= text.length) fail('unterminated quoted field');
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
      while (i < text.length && text[i] !== separator && text[i] !== '\r' && text[i] !== '\n') {
        if (text[i] === '"') fail('quote inside an unquoted field');
        field += text[i++];
      }
    }
    row.push(field);
    field = '';
    if (text[i] === separator) {
      i++;
      if (i >= text.length) fail('separator at the end of the file');
    } else if (text[i] === '\r' && text[i + 1] === '\n') {
      i += 2;
      if (rows.length > 0 && row.length !== rows[0]!.length) fail(`${row.length} fields where the first record has ${rows[0]!.length}`);
      rows.push(row);
      row = [];
    } else if (i >= text.length) {
      fail('last record not ended by CRLF');
    } else {
      fail(`unexpected ${JSON.stringify(text[i])} after a field`);
    }
  }
  return rows;
}

/** A downloaded CSV file: UTF-8 that must decode cleanly, starting with a BOM; its records, read strictly. */
export function readCsvFile(bytes: Uint8Array, separator: ',' | ';'): string[][] {
  if (bytes[0] !== 0xef || bytes[1] !== 0xbb || bytes[2] !== 0xbf) throw new CsvSyntaxError('no UTF-8 byte-order mark');
  // fatal: a byte sequence that is not UTF-8 throws instead of becoming U+FFFD.
  return readCsvStrict(new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes.subarray(3)), separator);
}

/**
 * Every cell text a reader could show when it splits `text` (BOM removed) on `separator` — the wrong one, as Excel
 * set to another locale does — taken to its first line break or separator, at most 60 characters.
 *
 * A cell may start at the beginning of the text and after every separator, CR or LF, inside quotes or not: a
 * reader that does not share the writer's idea of where quoted fields are can split anywhere, so this takes every
 * such place (more places than any one reader, never fewer). Where a cell starts unquoted, its text is the naive
 * split's piece. Where it starts with a quote, it is read as Excel reads a quoted cell: `""` is a quote, a lone
 * quote closes, and the text after it runs on unquoted — so `""=1` shows `=1`.
 */
export function misreadCells(text: string, separator: ',' | ';' | '\t'): string[] {
  const ends = (ch: string | undefined) => ch === undefined || ch === separator || ch === '\r' || ch === '\n';
  const cells: string[] = [];
  for (let start = 0; start <= text.length; start++) {
    if (start > 0 && !ends(text[start - 1])) continue;
    let i = start;
    let cell = '';
    if (text[i] === '"') {
      i++;
      while (i < text.length && cell.length < 60) {
        if (text[i] === '"') {
          if (text[i + 1] !== '"') {
            i++;
            break;
          }
          i++;
        }
        cell += text[i++];
      }
    }
    while (!ends(text[i]) && cell.length < 60) cell += text[i++];
    cells.push(cell);
  }
  return cells;
}
