/**
 * Writes the add-in manifest for another origin (a real deployment):
 *
 *   npm run manifest -- --origin https://dip.example.go.id [--out manifest.prod.xml] [--id <uuid>]
 *
 * Every localhost URL in manifest.xml (task pane, icons, support page) moves to the origin. The add-in Id is derived
 * from the origin unless given: Office knows an add-in by its Id, so a deployment must not share the development
 * manifest's Id, and must keep the same Id each time the manifest is regenerated (a new Id is a new add-in to every
 * user). Without --out the manifest goes to stdout.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const MANIFEST_PATH = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'manifest.xml');

const LOCALHOST = /https?:\/\/localhost(?::\d+)?/g;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface ManifestOptions {
  /** https origin the server runs at, e.g. "https://dip.example.go.id" (a trailing slash is fine, a path is not). */
  origin: string;
  /** Add-in Id; default: derived from the origin. */
  id?: string;
}

/** The origin as Office needs it: https, no path, query or fragment. Throws a plain-language error otherwise. */
export function checkOrigin(origin: string): string {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    throw new Error(`not a URL: ${origin}`);
  }
  if (url.protocol !== 'https:') throw new Error(`Office loads add-ins over https only: ${origin}`);
  if (url.pathname !== '/' || url.search || url.hash || url.username || url.password) {
    throw new Error(`give the origin alone (scheme, host, port), without path or query: ${origin}`);
  }
  return url.origin;
}

/** A stable UUID (version-4 layout) from the origin, so regenerating a deployment's manifest keeps its Id. */
export function idForOrigin(origin: string): string {
  const h = createHash('sha256').update(`dip-sync-addin:${origin}`).digest('hex');
  const variant = ((parseInt(h[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/**
 * The manifest XML with every localhost URL on `origin` and the add-in Id replaced. Pure.
 *
 * @example manifestForOrigin(xml, { origin: 'https://dip.example.go.id' })
 */
export function manifestForOrigin(xml: string, options: ManifestOptions): string {
  const origin = checkOrigin(options.origin);
  const id = options.id ?? idForOrigin(origin);
  if (!UUID.test(id)) throw new Error(`the add-in Id must be a UUID: ${id}`);
  if (!/<Id>[^<]*<\/Id>/.test(xml)) throw new Error('the manifest has no <Id> element');
  const out = xml.replace(LOCALHOST, origin).replace(/<Id>[^<]*<\/Id>/, `<Id>${id}</Id>`);
  if (/localhost/i.test(out) && !/localhost/i.test(origin)) throw new Error('a localhost reference was left in the manifest');
  return out;
}

function parseArgs(argv: readonly string[]): Record<string, string> {
  const args: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const name = argv[i] ?? '';
    const eq = name.indexOf('=');
    if (!name.startsWith('--')) throw new Error(`unexpected argument: ${name}`);
    if (eq > 0) args[name.slice(2, eq)] = name.slice(eq + 1);
    else {
      const value = argv[i + 1];
      if (value === undefined || value.startsWith('--')) throw new Error(`${name} needs a value`);
      args[name.slice(2)] = value;
      i++;
    }
  }
  return args;
}

function main(argv: readonly string[]): number {
  try {
    const args = parseArgs(argv);
    if (!args.origin) throw new Error('usage: npm run manifest -- --origin https://dip.example.go.id [--out file] [--id uuid] [--in manifest.xml]');
    const xml = readFileSync(args.in ?? MANIFEST_PATH, 'utf8');
    const out = manifestForOrigin(xml, { origin: args.origin, id: args.id });
    if (args.out) {
      writeFileSync(args.out, out);
      console.error(`wrote ${args.out} for ${checkOrigin(args.origin)}`);
    } else process.stdout.write(out);
    return 0;
  } catch (error) {
    console.error(`manifest: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) process.exitCode = main(process.argv.slice(2));
