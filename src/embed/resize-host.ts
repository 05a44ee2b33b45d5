/**
 * dist/tiendo-resize.js: a host page includes this once
 * (`<script src="…/tiendo-resize.js"></script>`) to let the iframes of
 * dist/embed.html take the height of their widget.
 *
 * It resizes only an iframe that shows the embed.html beside this script (same
 * folder), or one the page marked `data-tiendo`; only on a message from that
 * iframe's own window and from the origin its src names; and never beyond
 * 4,000 px. Every other message (an advert's frame posting `tiendo:height`, a
 * message from the page itself, a frame that navigated elsewhere) is ignored.
 */
const FLAG = Symbol.for('tiendo.resize');

/** The tallest a frame is made; a widget taller than this scrolls inside its frame. */
const MAX_HEIGHT = 4000;

const w = window as Window & { [FLAG]?: Set<string> };

/** The embed.html beside this script (undefined when the script's own address is unknown). */
const script = document.currentScript as HTMLScriptElement | null;
const embedUrl = script?.src ? new URL('embed.html', script.src).href : undefined;

function frameUrl(frame: HTMLIFrameElement): URL | undefined {
  try {
    return new URL(frame.getAttribute('src') ?? '', document.baseURI);
  } catch {
    return undefined;
  }
}

function isEmbed(frame: HTMLIFrameElement, url: URL, embeds: Set<string>): boolean {
  return frame.hasAttribute('data-tiendo') || embeds.has(url.origin + url.pathname);
}

if (w[FLAG]) {
  // A second copy (another folder) adds its embed.html to the first copy's list.
  if (embedUrl) w[FLAG].add(embedUrl);
} else {
  const embeds = new Set<string>(embedUrl ? [embedUrl] : []);
  w[FLAG] = embeds;
  window.addEventListener('message', (event) => {
    const data = event.data as { type?: unknown; height?: unknown } | null;
    if (!data || typeof data !== 'object' || data.type !== 'tiendo:height') return;
    const height = typeof data.height === 'number' ? data.height : NaN;
    if (!Number.isFinite(height) || height < 0) return;
    for (const frame of document.querySelectorAll('iframe')) {
      if (!event.source || frame.contentWindow !== event.source) continue;
      const url = frameUrl(frame);
      if (!url || url.origin !== event.origin || !isEmbed(frame, url, embeds)) return;
      frame.style.height = `${Math.min(MAX_HEIGHT, Math.ceil(height))}px`;
      return;
    }
  });
}
