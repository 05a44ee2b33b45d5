/**
 * Files and URLs as the tool touches them:
 * - reading refuses a file over its limit before reading a byte of it;
 * - writing is whole or not at all: the text goes to a temporary file in the
 *   same folder, is flushed to disk, and is renamed over the target in one step,
 *   so a failed write (full disk, killed process) never leaves the published
 *   feed half-written or gone;
 * - fetching a feed shares the library's bounded body reader (the 5 MB limit
 *   on the wire, declared or counted) and its words for what went wrong.
 */
import { randomBytes } from 'node:crypto';
import { open, readFile, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { readBodyLimited } from '../feed/read-body.js';
import { MAX_FEED_BYTES } from '../feed/types.js';
import type { MessageKey, MessageParams } from '../i18n/messages.js';

/** Why a file could not be read. */
export type ReadProblem = { notFound: true } | { tooBig: number } | { reason: string };

/** The bytes of a file, or why not; a file over `limit` bytes is refused from its size alone. */
export async function readFileLimited(file: string, limit: number): Promise<{ bytes: Uint8Array } | ReadProblem> {
  try {
    const path = resolve(file);
    const info = await stat(path);
    if (info.size > limit) return { tooBig: info.size };
    return { bytes: new Uint8Array(await readFile(path)) };
  } catch (e) {
    const err = e as { code?: string; message?: string };
    if (err.code === 'ENOENT') return { notFound: true };
    return { reason: err.code ?? err.message ?? String(e) };
  }
}

/** Writes `data` to an open file handle; tests put a failing one in its place. */
export type WriteData = (handle: { write(data: string): Promise<unknown> }, data: string) => Promise<void>;

const writeAll: WriteData = async (handle, data) => {
  await handle.write(data);
};

/**
 * Writes `text` to `file` whole or not at all: a temporary file beside it
 * (same folder, so the rename stays on one file system), flushed, then renamed
 * into place. On any failure the temporary file is removed and the error
 * rethrown; the old `file` is untouched.
 */
export async function writeFileAtomic(file: string, text: string, write: WriteData = writeAll): Promise<void> {
  const target = resolve(file);
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  let handle: Awaited<ReturnType<typeof open>> | undefined;
  try {
    handle = await open(temp, 'wx', 0o644);
    await write(handle, text);
    await handle.sync();
    await handle.close();
    handle = undefined;
    await rename(temp, target);
  } catch (e) {
    await handle?.close().catch(() => undefined);
    await rm(temp, { force: true }).catch(() => undefined);
    throw e;
  }
}

/** A fetched feed's text, or the library's message for what went wrong. */
export type Fetched = { text: string } | { rule: MessageKey; params: MessageParams };

/** Fetches a feed: HTTP errors, the 5 MB limit (declared or counted) and the timeout become library messages. */
export async function fetchFeed(url: string, seconds: number): Promise<Fetched> {
  const signal = AbortSignal.timeout(seconds * 1000);
  try {
    const res = await fetch(url, { signal, headers: { accept: 'application/json, */*;q=0.5' } });
    if (!res.ok) {
      await res.body?.cancel().catch(() => undefined);
      return { rule: 'error.http', params: { url, status: String(res.status) } };
    }
    const declared = Number(res.headers.get('content-length') ?? NaN);
    if (declared > MAX_FEED_BYTES) {
      await res.body?.cancel().catch(() => undefined);
      return { rule: 'error.tooBig', params: { url } };
    }
    const bytes = res.body ? await readBodyLimited(res.body as ReadableStream<Uint8Array>, MAX_FEED_BYTES) : new Uint8Array();
    if (!bytes) return { rule: 'error.tooBig', params: { url } };
    const text = utf8(bytes);
    return text === undefined ? { rule: 'error.json', params: { url } } : { text };
  } catch (e) {
    if (signal.aborted) return { rule: 'error.timeout', params: { url, seconds } };
    const cause = (e as { cause?: { code?: string } }).cause?.code;
    return { rule: 'error.network', params: { url: cause ? `${url} (${cause})` : url } };
  }
}

/** UTF-8 text without its BOM, or undefined when the bytes are not UTF-8 (a feed is always UTF-8). */
export function utf8(bytes: Uint8Array): string | undefined {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch {
    return undefined;
  }
}
