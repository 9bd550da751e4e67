// Unit tests of elements and browser code, in Debian's Chromium (never a downloaded browser).
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { accessSync, constants } from 'node:fs';

const executablePath = process.env.CHROME_PATH ?? '/usr/bin/chromium';
try {
  accessSync(executablePath, constants.X_OK);
} catch {
  throw new Error(
    `Chromium was not found at ${executablePath}. Install it (apt-get install -y chromium) or set CHROME_PATH.`,
  );
}

export default {
  files: ['test/elements/**/*.test.ts', 'test/browser/**/*.test.ts'],
  nodeResolve: { exportConditions: ['browser', 'development'] },
  rootDir: '.',
  // One test file at a time: a file running in a background tab gets no animation frames (smooth scrolling, image
  // decoding and layout-driven callbacks stall there), which made tests fail only when another file ran beside them.
  concurrency: 1,
  testFramework: { config: { timeout: 10000 } },
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: './tsconfig.json' })],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath,
        headless: true,
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--use-fake-ui-for-media-stream',
          '--use-fake-device-for-media-stream',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--disable-quic',
          '--no-first-run',
          // Test files run two at a time as tabs of one browser; a background tab must not be throttled (timers,
          // image decoding), or tests that wait on them hang while the other tab is in front.
          '--disable-renderer-backgrounding',
          '--disable-background-timer-throttling',
          '--disable-backgrounding-occluded-windows',
        ],
      },
    }),
  ],
};
