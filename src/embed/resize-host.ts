/**
 * dist/tiendo-resize.js: a host page includes this once to let the iframes of
 * dist/embed.html take the height of their widget. It honours a message only
 * from the window of one of the page's iframes, and only from that iframe's
 * own origin; any other sender is ignored.
 */
const FLAG = Symbol.for('tiendo.resize');
const w = window as Window & { [FLAG]?: boolean };

if (!w[FLAG]) {
  w[FLAG] = true;
  window.addEventListener('message', (event) => {
    const data = event.data as { type?: unknown; height?: unknown } | null;
    if (!data || data.type !== 'tiendo:height') return;
    const height = Number(data.height);
    if (!Number.isFinite(height) || height < 0 || height > 20000) return;
    for (const frame of document.querySelectorAll('iframe')) {
      if (frame.contentWindow !== event.source) continue;
      if (new URL(frame.src, location.href).origin !== event.origin) return;
      frame.style.height = `${Math.ceil(height)}px`;
      return;
    }
  });
}
