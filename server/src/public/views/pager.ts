/** Page links that keep the search and filters: previous, a window of numbers around the current page, next. */
import { queryString, type DipQuery } from '../public.filter.js';
import { h, type Html } from './html.js';

const WINDOW = 2;

export function pager(path: string, q: DipQuery, page: number, pages: number): Html {
  if (pages <= 1) return h``;
  const link = (n: number, label: string | number, rel?: string) =>
    h`<li><a href="${path}${queryString(q, { halaman: n })}"${n === page ? h` aria-current="page"` : ''}${rel ? h` rel="${rel}"` : ''}${typeof label === 'number' ? h` aria-label="Halaman ${label}"` : ''}>${label}</a></li>`;
  const numbers = new Set<number>([1, pages]);
  for (let n = page - WINDOW; n <= page + WINDOW; n++) if (n >= 1 && n <= pages) numbers.add(n);
  const items: Html[] = [];
  if (page > 1) items.push(link(page - 1, 'Sebelumnya', 'prev'));
  let last = 0;
  for (const n of [...numbers].sort((a, b) => a - b)) {
    if (n > last + 1) items.push(h`<li class="gap" aria-hidden="true">…</li>`);
    items.push(link(n, n));
    last = n;
  }
  if (page < pages) items.push(link(page + 1, 'Berikutnya', 'next'));
  return h`<nav class="pager" aria-label="Halaman hasil"><p>Halaman ${page} dari ${pages}</p><ul>${items}</ul></nav>`;
}
