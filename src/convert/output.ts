/**
 * A built feed as the text that is written or downloaded: compact JSON by
 * default (the widgets read it; a feed of 34 provinces stays small), two-space
 * indented for people who read it, and a final line break either way. A feed
 * over the widgets' 5 MB limit is not produced at all.
 */
import { MAX_FEED_BYTES } from '../feed/types.js';

export type FeedText = { text: string; bytes: number } | { tooBig: { bytes: number; max: number } };

/** The feed's JSON text, or how big it would have been when that is over 5 MB. */
export function feedText(feed: unknown, pretty = false): FeedText {
  const text = `${JSON.stringify(feed, null, pretty ? 2 : undefined)}\n`;
  const bytes = new TextEncoder().encode(text).length;
  return bytes > MAX_FEED_BYTES ? { tooBig: { bytes, max: MAX_FEED_BYTES } } : { text, bytes };
}

/** Megabytes with one decimal, for messages ("5,3" / "5.3" is the caller's formatting). */
export function megabytes(bytes: number): number {
  return Math.ceil((bytes / (1024 * 1024)) * 10) / 10;
}
