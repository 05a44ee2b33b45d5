/**
 * Storybook has no feed server to break, so the stories of the loading and
 * stale states get two pretend feeds from a fetch wrapper:
 * - /feeds/never.json never answers (the loading state, held);
 * - /feeds/flaky.json answers the sample feed once, then fails (stale after the first refresh).
 */
export function installFeedFaults(): void {
  const w = window as Window & { __tiendoFaults?: boolean };
  if (w.__tiendoFaults) return;
  w.__tiendoFaults = true;
  const real = window.fetch.bind(window);
  let flakyCalls = 0;
  window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(input instanceof Request ? input.url : String(input), location.href);
    if (url.pathname.endsWith('/feeds/never.json')) return new Promise<Response>(() => {});
    if (url.pathname.endsWith('/feeds/flaky.json')) {
      return flakyCalls++ === 0
        ? real(new URL('./feeds/de-an-06.json', location.href), init)
        : Promise.resolve(new Response('', { status: 503 }));
    }
    return real(input, init);
  };
}
