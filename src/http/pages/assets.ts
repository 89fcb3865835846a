/**
 * Where the files the pages load are on disk: the browser modules and styles of `web/` (at the
 * project root, the same files under tsx and from dist/: they are plain ES modules, type-checked
 * by web/tsconfig.json, never compiled) and D3's UMD build from node_modules (no CDN).
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { D3_PATH, THEME_CSS_PATH, WEB_PREFIX } from './html.js';
import { themeCss } from './theme-css.js';

const HERE = dirname(fileURLToPath(import.meta.url));

/** web/ from src/http/pages/ (tsx) or dist/src/http/pages/ (npm start). */
export const WEB_DIR: string = [join(HERE, '../../../web'), join(HERE, '../../../../web')].find((dir) => existsSync(join(dir, 'page.css'))) ?? join(HERE, '../../../web');

/** d3's package resolves to dist/d3.mjs; its UMD build (a global `d3` for classic scripts) sits next to it. */
export const D3_FILE: string = join(dirname(createRequire(import.meta.url).resolve('d3')), 'd3.min.js');

/**
 * The pages' Content-Security-Policy: scripts and styles from this origin only (no inline code),
 * images from here (charts) and data: URLs, fetches to here only.
 */
export const PAGE_CSP_DIRECTIVES = {
  defaultSrc: ["'none'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  connectSrc: ["'self'"],
  formAction: ["'self'"],
  baseUri: ["'none'"],
  frameAncestors: ["'none'"],
} as const;

/** One file the pages load, held in memory: its bytes, their sha256 (the ETag) and its Content-Type. */
export interface WebAsset {
  body: Buffer;
  hash: string;
  contentType: string;
}

const CONTENT_TYPES: Readonly<Record<string, string>> = { js: 'text/javascript; charset=utf-8', css: 'text/css; charset=utf-8' };

function asset(body: Buffer, contentType: string): WebAsset {
  return { body, hash: createHash('sha256').update(body).digest('hex'), contentType };
}

/**
 * Every asset the pages may load, by URL path: the .js and .css files of web/ (nothing else of the
 * folder: its tsconfig and type declarations stay private), D3's UMD build and the theme's CSS.
 * Read once at start-up (about 350 KB), so that no request touches the filesystem.
 */
export function loadWebAssets(): Map<string, WebAsset> {
  const assets = new Map<string, WebAsset>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      const type = CONTENT_TYPES[entry.name.split('.').pop() ?? ''];
      if (entry.isFile() && type) assets.set(`${WEB_PREFIX}${relative(WEB_DIR, path).split(sep).join('/')}`, asset(readFileSync(path), type));
    }
  };
  walk(WEB_DIR);
  assets.set(D3_PATH, asset(readFileSync(D3_FILE), CONTENT_TYPES.js));
  assets.set(THEME_CSS_PATH, asset(Buffer.from(themeCss()), CONTENT_TYPES.css));
  return assets;
}
