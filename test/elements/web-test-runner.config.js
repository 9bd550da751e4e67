// The element tests' runner config: the project's config plus CommonJS packages served as ES modules.
// `npx wtr --config test/elements/web-test-runner.config.js` (the root config can add the same plugin instead).
import base from '../../web-test-runner.config.js';
import { commonjsPackages } from './support/commonjs-packages.js';

export default {
  ...base,
  files: ['test/elements/**/*.test.ts'],
  plugins: [commonjsPackages(['qrcode']), ...base.plugins],
};
