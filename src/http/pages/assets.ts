/**
 * Where the files the pages load are on disk: the browser modules and styles of `web/` (at the
 * project root, the same files under tsx and from dist/: they are plain ES modules, type-checked
 * by web/tsconfig.json, never compiled) and D3's UMD build from node_modules (no CDN).
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

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
