/**
 * Builds the task pane into addin/dist, which the server serves at its own origin (/taskpane.html and assets).
 * `base: './'` keeps asset URLs relative, so the pane also works when the server is mounted under a path.
 *
 * Dev (`vite --config addin/vite.config.ts`): the API and Office.js are proxied to the server (DIP_SERVER, default
 * http://127.0.0.1:3000), so the page and the API share one origin as in production. HTTPS, which Office needs to
 * sideload, is used when office-addin-dev-certs' certificate exists (~/.office-addin-dev-certs).
 */
import react from '@vitejs/plugin-react';
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = path.dirname(fileURLToPath(import.meta.url));
const server = process.env.DIP_SERVER ?? 'http://127.0.0.1:3000';
const certDir = path.join(homedir(), '.office-addin-dev-certs');
const https =
  process.env.DEV_HTTPS !== '0' && existsSync(path.join(certDir, 'localhost.crt'))
    ? { cert: readFileSync(path.join(certDir, 'localhost.crt')), key: readFileSync(path.join(certDir, 'localhost.key')) }
    : undefined;

export default defineConfig({
  root,
  base: './',
  plugins: [react()],
  build: {
    outDir: path.join(root, 'dist'),
    emptyOutDir: true,
    // Office's WebViews: Edge WebView2 on Windows, WKWebView on Mac, the browser on the web — all ES2020-capable.
    target: 'es2020',
    rollupOptions: { input: { taskpane: path.join(root, 'taskpane.html') } },
    // React + Fluent UI v9 alone are ~700 kB minified; the pane is one screen, loaded once per session.
    chunkSizeWarningLimit: 1024,
  },
  server: {
    port: Number(process.env.DEV_PORT ?? 5173),
    strictPort: true,
    https,
    proxy: {
      '/api': { target: server, changeOrigin: true },
      '/office-js': { target: server, changeOrigin: true },
    },
  },
});
