import type { StoryContext } from '@storybook/web-components';
import { eventOfArg } from './arg-types.js';

/**
 * Story args are the element's attributes: '' or false leaves one out, true sets a boolean one.
 * A function arg (`onTiendoSelect`, from the Actions panel) listens to its event.
 */
export type WidgetArgs = Record<string, string | number | boolean | undefined | ((event: Event) => void)>;

/** Renders `tag` with its attributes from args (as text: nothing is parsed as markup). */
export function renderWidget(tag: string, args: WidgetArgs, fallback = '', inlineFeed?: unknown): HTMLElement {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(args)) {
    if (typeof value === 'function') {
      const event = eventOfArg(name);
      if (event) el.addEventListener(event, value);
      continue;
    }
    if (value === undefined || value === '' || value === false || name.startsWith('_')) continue;
    el.setAttribute(name, value === true ? '' : String(value));
  }
  if (fallback) el.textContent = fallback;
  if (inlineFeed) {
    const script = document.createElement('script');
    script.type = 'application/json';
    script.textContent = JSON.stringify(inlineFeed);
    el.append(script);
  }
  return el;
}

/** A frame of a given width, to show the widget on a narrow phone. */
export function narrow(width: number) {
  return (story: () => unknown, _context: StoryContext) => {
    const box = document.createElement('div');
    box.style.width = `${width}px`;
    const content = story();
    if (content instanceof Node) box.append(content);
    return box;
  };
}
