/**
 * hono/html's tagged template, typed as what it is here: synchronous. Interpolated strings are escaped; nested
 * `h` results are not escaped twice. No view awaits anything (data is loaded before rendering).
 */
import { html, raw } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';

export type Html = HtmlEscapedString;
export const h = html as (strings: TemplateStringsArray, ...values: unknown[]) => Html;
export { raw };

/** The same page address with another query string (the query string comes from `queryString`: already encoded). */
export const href = (path: string, query: string): string => `${path}${query}`;
