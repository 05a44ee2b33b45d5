import type { StoryObj } from '@storybook/web-components';
import { narrow, type WidgetArgs } from './render.js';

export type Story = StoryObj<WidgetArgs>;

export const FEED = '/feeds/de-an-06.json';

/**
 * The stories of the states every widget shares, made the same way for each
 * element: feed mode, English, loading, error with and without `debug`,
 * stale, overdue, 320 px, theming, a dark page.
 */
export function stateStories(feedArgs: WidgetArgs) {
  const feed = { ...feedArgs, src: FEED };
  return {
    Feed: { args: feed } satisfies Story,
    English: { args: { ...feed, lang: 'en' } } satisfies Story,
    Loading: { args: { ...feed, src: '/feeds/never.json' } } satisfies Story,
    ErrorForCitizens: { args: { ...feed, src: '/feeds/missing.json' } } satisfies Story,
    ErrorWithDebug: { args: { ...feed, src: '/feeds/missing.json', debug: true } } satisfies Story,
    // The loader never refreshes sooner than every 30 s (±10%): the story turns stale about half a minute in.
    Stale: { args: { ...feed, src: '/feeds/flaky.json', refresh: 30 } } satisfies Story,
    Overdue: { args: { ...feedArgs, src: '/feeds/nghe-an.json', province: '' } } satisfies Story,
    Narrow320: { args: feed, decorators: [narrow(320)] } satisfies Story,
    Themed: {
      args: feed,
      decorators: [
        (story) => {
          const box = document.createElement('div');
          box.className = 'tiendo-theme-story';
          box.style.cssText = [
            '--tiendo-color-completed: #5b2a86',
            '--tiendo-color-in-progress: #c2185b',
            '--tiendo-color-border: #5b2a86',
            '--tiendo-radius: 0',
            '--tiendo-font-family: Georgia, serif',
          ].join(';');
          const content = story();
          if (content instanceof Node) box.append(content);
          return box;
        },
      ],
    } satisfies Story,
    DarkPage: {
      args: feed,
      globals: { backgrounds: { value: 'dark' } },
      decorators: [
        (story) => {
          const box = document.createElement('div');
          box.style.cssText = [
            '--tiendo-color-surface: #22272e',
            '--tiendo-color-text: #e6edf3',
            '--tiendo-color-muted: #adbac7',
            '--tiendo-color-border: #444c56',
            '--tiendo-color-link: #6cb6ff',
            '--tiendo-color-track: #2d333b',
            '--tiendo-color-completed: #539bf5',
            '--tiendo-color-good: #57ab5a',
            '--tiendo-color-bad: #f47067',
            '--tiendo-color-warning-surface: #3b2e00',
            '--tiendo-color-highlight: #3b2e00',
            '--tiendo-color-marker: #e3b341',
          ].join(';');
          const content = story();
          if (content instanceof Node) box.append(content);
          return box;
        },
      ],
    } satisfies Story,
  };
}

/** The demo's illustrative feed of the 34 units since 1 July 2025 (made-up figures, marked so in its source). */
export const ILLUSTRATIVE_34 = '/feeds/minh-hoa-34.json';
