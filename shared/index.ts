/**
 * The shared domain in one import: `import { validateRows, parseDipGrid, type DipRow } from '../shared/index.js'`.
 * normalize.js re-exports the value normalisers (text, when, vocab, basis). Test helpers (testing/) stay out: they
 * need fast-check, a dev dependency.
 */
export * from './api.js';
export * from './canonical.js';
export * from './columns.js';
export * from './diff.js';
export * from './grid.js';
export * from './headers.js';
export * from './issues.js';
export * from './merge.js';
export * from './messages.js';
export * from './normalize.js';
export * from './plain-text.js';
export * from './row.js';
export * from './validate.js';
