/**
 * Imported first by the server: sizes libuv's thread pool before anything uses it. sharp encodes
 * on that pool (one thread per render in flight, the render workers included), and the cache's
 * file reads and writes wait in the same queue: with the default four threads, renders in flight
 * would delay /healthz (it checks the store) and cached charts. Renders in flight + 1 (the express
 * slot) + libuv's default 4; an explicit UV_THREADPOOL_SIZE is kept.
 */
import { availableParallelism } from 'node:os';

const configured = Number(process.env.MEMPLOT_RENDER_CONCURRENCY);
const renders = Number.isSafeInteger(configured) && configured >= 1 && configured <= 1024 ? configured : availableParallelism();
process.env.UV_THREADPOOL_SIZE ??= String(Math.min(1024, renders + 1 + 4));
