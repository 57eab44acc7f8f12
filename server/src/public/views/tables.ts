/**
 * The DIP and DIK tables. Each sits in a scroll region that a keyboard can reach (a 10-column table is wider than
 * a phone); headers are real <th scope="col"> and repeat on every printed page (thead, see publik.css).
 */
import type { IndexedDik, IndexedEntry } from '../public.filter.js';
import { cellsOf, columnHeader, DIK_COLUMN_KEYS, isWebLink, PUBLIC_COLUMN_KEYS } from '../public.model.js';
import { h, type Html } from './html.js';

// The kategori is the section's heading: a column repeating it on every row adds nothing.
const ENTRY_KEYS = PUBLIC_COLUMN_KEYS.filter((k) => k !== 'category');
const DIK_KEYS = DIK_COLUMN_KEYS.filter((k) => k !== 'category');

function linkCell(link: string): Html {
  return isWebLink(link) ? h`<a href="${link}" rel="noopener noreferrer">${link}</a>` : h`${link}`;
}

function wrap(id: string, caption: string, head: Html, body: Html[]): Html {
  return h`<div class="table-wrap" role="region" aria-labelledby="${id}-caption" tabindex="0">
<table id="${id}">
<caption id="${id}-caption">${caption}</caption>
<thead><tr>${head}</tr></thead>
<tbody>${body}</tbody>
</table>
</div>`;
}

export function entriesTable(id: string, caption: string, items: readonly { entry: IndexedEntry; no: number }[]): Html {
  const head = [h`<th scope="col" class="col-no">No</th>`, ...ENTRY_KEYS.map((k) => h`<th scope="col" class="col-${k}">${columnHeader(k)}</th>`)];
  const rows = items.map(({ entry, no }) => {
    const cells = cellsOf(entry);
    return h`<tr data-row-id="${entry.id}"><td class="col-no">${no}</td>${ENTRY_KEYS.map((k) =>
      k === 'title' ? h`<th scope="row" class="col-title">${cells.title}</th>` : k === 'link' ? h`<td class="col-link">${linkCell(cells.link ?? '')}</td>` : h`<td class="col-${k}">${cells[k] ?? ''}</td>`,
    )}</tr>`;
  });
  return wrap(id, caption, h`${head}`, rows);
}

export function dikTable(id: string, caption: string, items: readonly { entry: IndexedDik; no: number }[]): Html {
  const head = [h`<th scope="col" class="col-no">No</th>`, ...DIK_KEYS.map((k) => h`<th scope="col">${columnHeader(k)}</th>`)];
  const rows = items.map(({ entry, no }) => {
    const cells = cellsOf(entry);
    return h`<tr data-dik-id="${entry.id}"><td class="col-no">${no}</td>${DIK_KEYS.map((k) =>
      k === 'title' ? h`<th scope="row" class="col-title">${cells.title}</th>` : h`<td>${cells[k] ?? ''}</td>`,
    )}</tr>`;
  });
  return wrap(id, caption, h`${head}`, rows);
}
