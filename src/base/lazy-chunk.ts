/**
 * The one way tiendo fetches code it does not need at first paint: the table's
 * and chart's views, Chart.js, the English and editors' words, the map. A chunk
 * is fetched the first time it is asked for; a failed fetch is not remembered,
 * so the next ask (the next render) fetches it again, and a page whose chunk
 * failed once recovers without a reload.
 */
export class LazyChunk<T> {
  /** The module, once it has arrived. */
  value?: T;
  #pending?: Promise<T>;
  #failures = 0;
  #failedUrl?: string;

  /**
   * @param name What the chunk is, for the editor's message when it fails ("province-table-view").
   * @param fetchChunk The `import()` of the chunk, written out so the bundler makes it a chunk.
   */
  constructor(
    readonly name: string,
    private readonly fetchChunk: () => Promise<T>,
  ) {}

  /** The module: at once when it is here, else fetched (again, after a failure). */
  load(): Promise<T> {
    return (this.#pending ??= this.#fetchOnce().then(
      (module) => (this.value = module),
      (error: unknown) => {
        this.#pending = undefined;
        this.#failures++;
        // Chromium and Firefox remember a module that failed to arrive and fail every later
        // import() of the same URL without asking the server again (WebKit asks again). Their
        // error names the URL, so the next try asks for it under a fresh query instead.
        this.#failedUrl ??= /\bhttps?:\/\/\S+?\.[cm]?[jt]s\b/.exec(String(error))?.[0];
        throw error;
      },
    ));
  }

  #fetchOnce(): Promise<T> {
    if (!this.#failedUrl) return this.fetchChunk();
    return import(/* @vite-ignore */ `${this.#failedUrl}?retry=${this.#failures}`) as Promise<T>;
  }
}
