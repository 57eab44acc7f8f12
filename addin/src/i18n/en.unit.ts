/** English for the unit's mode and the DIP import (same keys as id.unit.ts). */
import { columnLetter } from '../../../shared/headers.js';
import { idImportDip, type idUnitMode } from './id.unit.js';

const n = (x: number) => x.toLocaleString('en-GB');
const s = (count: number, one: string, many: string) => `${n(count)} ${count === 1 ? one : many}`;

export const enUnitMode: typeof idUnitMode = {
  roundTitle: 'Round',
  loading: 'Loading rounds…',
  reload: 'Reload',
  none: 'Your unit has not been asked for data in any round.',
  round: 'Round',
  roundOption: (title, due, closed) => `${title} (due ${due}${closed ? ', closed' : ''})`,
  statusLine: (status, due) => `Your unit's status: ${status} · due ${due}`,
  fillTitle: "Fill your unit's sheet",
  fillDescription: "Fetch your unit's rows (from the published DIP, or from your last submission with the PPID's comments) into the DIP sheet, update them, then submit.",
  fetch: "Fetch my unit's rows into the sheet…",
  fetching: "Fetching your unit's rows…",
  fetchPreview: (rows, returned) => `${s(rows, 'row', 'rows')} will be written to the sheet; ${n(returned)} of them were returned by the PPID.`,
  overwriteWarning: (rows) => `The DIP sheet now holds ${s(rows, 'row', 'rows')}, which will be replaced.`,
  confirmOverwrite: 'I understand: replace the sheet',
  write: 'Write to the sheet',
  writing: 'Writing to the sheet…',
  written: (rows) => `${s(rows, 'unit row', 'unit rows')} written to the sheet.`,
  submitTitle: 'Send to the PPID',
  check: 'Check & submit…',
  checking: 'Reading and checking the sheet…',
  summary: (rows, errors, warnings) =>
    `${s(rows, 'row', 'rows')} ready to send: ${s(errors, 'error', 'errors')}, ${s(warnings, 'warning', 'warnings')} (marked in the sheet).`,
  errorsNote: 'There are still errors. Better fix them first; if you send anyway, the PPID will see these findings.',
  submit: (rows) => `Send ${s(rows, 'row', 'rows')}`,
  submitting: 'Sending…',
  submitted: (receipt) => `Sent. Receipt number: ${receipt}.`,
  carriedOver: (count) => `${s(count, 'unchanged row keeps', 'unchanged rows keep')} its accepted status.`,
  closedRound: 'This round is closed: submissions are no longer accepted.',
  receiptsTitle: 'Receipts',
  receiptsNone: 'No submission in this round yet.',
  receiptLine: (when, rows, removed) => `${when} · ${s(rows, 'row', 'rows')} · ${s(removed, 'proposed removal', 'proposed removals')}`,
  receiptValidation: (errors, warnings) => `${s(errors, 'error', 'errors')}, ${s(warnings, 'warning', 'warnings')}`,
  receiptHash: (hash) => `Content hash ${hash}`,
  returnedTitle: (count) => `Rows returned by the PPID (${n(count)})`,
  returnedNone: 'No row was returned.',
  returnedRemoval: 'Proposed removal returned',
  returnedComment: (comment) => `PPID's comment: ${comment}`,
  markReturned: 'Mark in the sheet',
  marking: 'Marking cells…',
  marked: (cells, missing) =>
    missing > 0 ? `${s(cells, 'cell', 'cells')} marked; ${s(missing, 'row is', 'rows are')} not in the sheet (fetch your unit's rows again).` : `${s(cells, 'cell', 'cells')} marked.`,
  markText: (comment) => `Returned by the PPID: ${comment}`,
};

export const enImportDip: typeof idImportDip = {
  title: 'Import an existing DIP',
  description:
    'For a DIP kept in another layout. The existing DIP is read from the "DIP" sheet as it stands, title lines above the column headers included; after the first read you can choose another sheet. Columns are recognised by their headers, values are tidied, and the result is written to the "DIP" sheet.',
  read: 'Read the existing DIP',
  reading: 'Reading the sheet…',
  source: 'Sheet to read',
  sheetMissing: (sheet) =>
    `This workbook has no sheet named "${sheet}". Choose the sheet holding the existing DIP under "Sheet to read", then click "Read the existing DIP" again — or rename that sheet to "DIP".`,
  sourceKept: (sheet) => `The sheet "${sheet}" is left as it is; the import is written to the "DIP" sheet.`,
  headerMissing: 'No DIP column header row was found in the top 10 rows of the sheet.',
  summary: (rows, problems) => `${s(rows, 'row', 'rows')} read; ${s(problems, 'row needs', 'rows need')} attention.`,
  columnsFound: (columns) => `Columns recognised: ${columns}.`,
  sheetIssues: 'About the sheet',
  rowsTitle: 'What could not be understood, row by row',
  rowLine: (sheetRow) => `Row ${n(sheetRow)} of the source sheet`,
  more: (count) => `… and ${s(count, 'more row', 'more rows')}.`,
  replacesOld: (rows, cols) =>
    `Replaced: the existing DIP in rows 1–${n(rows)}, columns A–${columnLetter(cols - 1)} of this sheet (title lines, column headers and its rows).`,
  keptOutside: 'Everything else on this sheet outside that DIP (e.g. a signature block or notes under it) stays.',
  keepsAround:
    'On the "DIP" sheet only the DIP table\'s rows are replaced; what lies outside the table (e.g. a signature block under it) stays and moves with the table\'s length.',
  confirm: (rows) => `Replace the DIP on the "DIP" sheet with the ${s(rows, 'imported row', 'imported rows')}`,
  write: 'Write to the DIP sheet',
  writing: 'Writing the import…',
  written: (rows, marked) => `${s(rows, 'row', 'rows')} imported into the DIP sheet; ${s(marked, 'cell', 'cells')} marked for review.`,
  nothing: 'There are no rows to import.',
  columnName: idImportDip.columnName,
};
