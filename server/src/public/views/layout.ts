/**
 * The page shell: Bahasa Indonesia, a skip link, the site navigation, one stylesheet and no script at all
 * (the pages work without JavaScript and the CSP forbids scripts).
 */
import { h, type Html } from './html.js';

export interface LayoutProps {
  title: string;
  /** Which navigation entry is the current page. */
  current: 'dip' | 'riwayat' | null;
  cssHref: string;
  description?: string;
  main: Html;
}

export function layout(p: LayoutProps): Html {
  const nav = (key: 'dip' | 'riwayat', url: string, label: string) =>
    h`<li><a href="${url}"${p.current === key ? h` aria-current="page"` : ''}>${label}</a></li>`;
  return h`<!doctype html>
<html lang="id">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${p.title}</title>
<meta name="description" content="${p.description ?? 'Daftar Informasi Publik yang ditetapkan dan diterbitkan oleh PPID.'}">
<link rel="stylesheet" href="${p.cssHref}">
</head>
<body>
<a class="skip-link" href="#isi">Langsung ke isi utama</a>
<header class="site-header">
<p class="site-name"><a href="/dip">PPID &middot; Daftar Informasi Publik</a></p>
<nav aria-label="Menu utama"><ul>${nav('dip', '/dip', 'Daftar Informasi Publik')}${nav('riwayat', '/riwayat', 'Riwayat versi')}</ul></nav>
</header>
<main id="isi" tabindex="-1">
${p.main}
</main>
<footer class="site-footer">
<p>Informasi ini disediakan berdasarkan Undang-Undang Nomor 14 Tahun 2008 tentang Keterbukaan Informasi Publik dan Peraturan Komisi Informasi Nomor 1 Tahun 2021.</p>
</footer>
</body>
</html>`;
}
