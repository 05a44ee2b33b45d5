import { setCustomElementsManifest, type Decorator, type Preview } from '@storybook/web-components';
// Generated from the elements' JSDoc by `npm run manifest` (the storybook scripts run it first).
import manifest from '../dist/custom-elements.json';
import { attributeArgTypes } from '../stories/arg-types.js';
import { installFeedFaults } from '../stories/feed-faults.js';
import '../src/index.js';

setCustomElementsManifest(manifest);
installFeedFaults();

/**
 * The toolbar's language and theme (issue 18): stories speak Vietnamese unless the reader picks English
 * (the preview page's own `<html lang="en">` is replaced, so a widget inherits `vi`), and every widget of a
 * story takes the chosen `theme` unless the story gives its own. A story's own `lang` on its element wins.
 */
const readerChoices: Decorator = (story, context) => {
  const lang = (context.globals.locale as string | undefined) ?? 'vi';
  const theme = (context.globals.theme as string | undefined) ?? 'light';
  document.documentElement.lang = lang;
  const content = story();
  if (content instanceof Element && theme !== 'light') {
    for (const el of [content, ...content.querySelectorAll('*')]) {
      if (el.localName.startsWith('tiendo-') && !el.hasAttribute('theme')) el.setAttribute('theme', theme);
    }
  }
  return content;
};

const preview: Preview = {
  decorators: [readerChoices],
  globalTypes: {
    locale: {
      description: 'The reader’s language (lang inherited by every widget)',
      toolbar: {
        title: 'Ngôn ngữ / Language',
        icon: 'globe',
        items: [
          { value: 'vi', title: 'Tiếng Việt' },
          { value: 'en', title: 'English' },
        ],
        dynamicTitle: true,
      },
    },
    theme: {
      description: 'The widgets’ theme attribute',
      toolbar: {
        title: 'Theme',
        icon: 'contrast',
        items: [
          { value: 'light', title: 'Light' },
          { value: 'dark', title: 'Dark' },
          { value: 'auto', title: 'Auto (follows the system)' },
        ],
        dynamicTitle: true,
      },
    },
  },
  parameters: {
    // One plain control per public attribute (text, number, checkbox, select of a union's values),
    // derived from the manifest: no properties, parts or custom properties as controls, no JSON quoting.
    docs: { extractArgTypes: (component: unknown) => (typeof component === 'string' ? attributeArgTypes(manifest, component) : null) },
    controls: { expanded: true },
    a11y: { test: 'error' },
    backgrounds: {
      options: {
        portal: { name: 'Portal (light)', value: '#f4f4f4' },
        dark: { name: 'Dark page', value: '#1b1f24' },
      },
    },
  },
  initialGlobals: { backgrounds: { value: 'portal' }, locale: 'vi', theme: 'light' },
  tags: ['autodocs'],
};

export default preview;
