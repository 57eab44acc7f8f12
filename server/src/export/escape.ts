/**
 * Spreadsheet formula injection guard (OWASP "CSV injection"): a text cell that a spreadsheet would read as a
 * formula or a DDE call is prefixed with an apostrophe, which Excel and LibreOffice show as plain text.
 * Every export (CSV and XLSX) writes its text cells through `escapeFormula`; CSV fields also through
 * `escapeCsvField`, because a CSV's cells are only the fields it was written with when it is read with the right
 * separator.
 */

/** The leading characters that start a formula in Excel, LibreOffice or Google Sheets (= + - @, tab, CR, LF). */
const FORMULA_START = /^[=+\-@\t\r\n]/;

/**
 * The cell text, made safe to open in a spreadsheet.
 *
 * @example escapeFormula('=HYPERLINK("http://x")') // "'=HYPERLINK(\"http://x\")"
 * @example escapeFormula('Laporan 2024')           // 'Laporan 2024'
 */
export function escapeFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/**
 * Where a cell can start inside a field, when the file is read with a separator it was not written with.
 *
 * A comma file opened by Excel set to Indonesian is split on ';' (and the semicolon file by an English Excel on
 * ','; some importers split on tab). That reader does not see the quotes the writer put around the field — a quote
 * in the middle of its cell is a plain character — so every ',' ';' or tab inside a field can end its cell and
 * start the next one, and so can a line break inside a quoted field (Excel takes CR, LF and CRLF as record ends).
 * A quote right at such a start does open a quoted cell for that reader, whose text begins after it (after `""`
 * too: the opening quote, then an empty quoted part closed at once), so quotes there are looked past.
 *
 * What must not come next is what `escapeFormula` guards at the start of a field: = + - @ or a tab. A line break
 * need not be guarded there: unquoted, it ends the line and starts no cell; a quoted cell may begin with one (so
 * may one that a reader out of step opens at a field's closing quote, just before the record's CRLF), which no
 * spreadsheet evaluates — OWASP lists CR for readers that strip it, and what follows a line break is a start
 * checked in its turn. So "huruf a;\nhuruf b" and 'a;"\r\nb"' keep their line breaks untouched.
 */
const CELL_START_INSIDE = /([,;\t\r\n])(?="*[=+\-@\t])/g;

/**
 * A CSV field's text, safe whichever of ',' ';' or tab the file is split on: `escapeFormula` at the start, and an
 * apostrophe right after every ',' ';' tab or line break inside the field that a formula trigger follows (past any
 * quotes). The apostrophe goes before the quotes rather than before the trigger, so the misread cell starts with
 * a plain apostrophe and no quote can reopen anything: Excel shows it as text, as at the start of a field.
 *
 * The same text goes into both files, whatever their separator, so the comma and semicolon files hold the same
 * cells. What stays as typed: a separator followed by a space (as ' =1' at the start of a field: text in Excel) or
 * by ordinary text ("Pasal 17 huruf b; c", "turun ke -5 derajat", "a@x.id; b@y.id", "Rp 1.500,00"). What gains an
 * apostrophe: a trigger glued to a separator ("Rp 10.000,-" → "Rp 10.000,'-", "x;=1" → "x;'=1") — a misreading
 * Excel would have taken the text after the separator for a formula, which is the attack.
 *
 * @example escapeCsvField('x;=HYPERLINK("http://evil")') // "x;'=HYPERLINK(\"http://evil\")"
 * @example escapeCsvField('Pasal 17 huruf b; c')         // 'Pasal 17 huruf b; c'
 */
export function escapeCsvField(text: string): string {
  return escapeFormula(text).replace(CELL_START_INSIDE, "$1'");
}
