/**
 * Reads a response body up to `max` bytes without reading the rest: the one
 * place that enforces the 5 MB feed limit on the wire, for the widgets' loader
 * and the command-line tool alike. Returns undefined (and cancels the stream)
 * when the body is larger.
 */
export async function readBodyLimited(body: ReadableStream<Uint8Array>, max: number): Promise<Uint8Array | undefined> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      void reader.cancel().catch(() => undefined);
      return undefined;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.byteLength;
  }
  return bytes;
}
