import type { Preview } from '@storybook/web-components-vite';
import { setCustomElementsManifest } from '@storybook/web-components-vite';
import manifest from '../custom-elements.json';
import '../src/index.js';
import { stopTestVideoStreams } from '../src/testing/snapshot-session.js';

setCustomElementsManifest(manifest);

/** A brand theme that overrides only global tokens, the way a customer would. */
const BRAND = `
  --hashdrop-color-accent: #7c3aed;
  --hashdrop-color-accent-contrast: #ffffff;
  --hashdrop-radius: 18px;
  --hashdrop-font-family: Georgia, 'Times New Roman', serif;
`;

const preview: Preview = {
  globalTypes: {
    theme: {
      description: 'Theme of the elements',
      toolbar: {
        title: 'Theme',
        icon: 'paintbrush',
        items: [
          { value: 'light', title: 'Light' },
          { value: 'dark', title: 'Dark' },
          { value: 'brand', title: 'Custom brand' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { theme: 'light' },
  // A story's canvas videos draw until they are stopped: stop them when the story goes, so that showing story after
  // story (the visual checks reuse one page) does not pile up drawing loops.
  beforeEach: () => stopTestVideoStreams,
  decorators: [
    (story, context) => {
      const theme = context.globals.theme as string;
      const root = document.documentElement;
      root.dataset.hashdropTheme = theme;
      root.style.cssText = theme === 'brand' ? BRAND : '';
      root.style.colorScheme = theme === 'dark' ? 'dark' : 'light';
      document.body.style.background = theme === 'dark' ? '#0f1115' : '#ffffff';
      // The toolbar's dark theme reaches every element (each takes `theme`); in the light default, a story's own
      // `theme` control decides, so choosing dark or auto there is not overwritten.
      if (theme === 'dark') {
        queueMicrotask(() =>
          document
            .querySelectorAll('*')
            .forEach((element) => element.localName.startsWith('hashdrop-') && element.setAttribute('theme', 'dark')),
        );
      }
      return story();
    },
  ],
  parameters: {
    controls: { expanded: true },
    a11y: { test: 'error' },
  },
  tags: ['autodocs'],
};

export default preview;
