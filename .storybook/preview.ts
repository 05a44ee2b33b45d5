import { setCustomElementsManifest, type Preview } from '@storybook/web-components';
// Generated from the elements' JSDoc by `npm run manifest` (the storybook scripts run it first).
import manifest from '../dist/custom-elements.json';
import { installFeedFaults } from '../stories/feed-faults.js';
import '../src/index.js';

setCustomElementsManifest(manifest);
installFeedFaults();

const preview: Preview = {
  parameters: {
    controls: { expanded: true },
    a11y: { test: 'error' },
    backgrounds: {
      options: {
        portal: { name: 'Portal (light)', value: '#f4f4f4' },
        dark: { name: 'Dark page', value: '#1b1f24' },
      },
    },
  },
  initialGlobals: { backgrounds: { value: 'portal' } },
  tags: ['autodocs'],
};

export default preview;
