/**
 * `npm test`: every check the project has, in an order that fails cheap things first. Each step streams its own
 * output (the runners' pass/fail summaries included); at the end one line adds up the tests of all runners.
 * Every step runs even after a failure, so one run shows everything that is broken; the exit code is non-zero if any
 * step failed.
 */
import { spawn } from 'node:child_process';

interface Step {
  name: string;
  command: string;
}

const STEPS: Step[] = [
  { name: 'types', command: 'tsc --noEmit' },
  { name: 'lint', command: 'npm run --silent lint' },
  { name: 'manifest', command: 'npm run --silent check:manifest' },
  { name: 'build', command: 'npm run --silent build' },
  { name: 'size budget', command: 'npm run --silent size' },
  { name: 'package (exports, SSR import, externals)', command: 'tsx scripts/node-tests.ts test/package' },
  { name: 'unit (browser)', command: 'wtr' },
  { name: 'unit (node)', command: 'tsx scripts/node-tests.ts test/core test/contract' },
  { name: 'endpoint (real livekit-server, SQLite, PostgreSQL)', command: 'tsx scripts/node-tests.ts test/server' },
  { name: 'end to end (real livekit-server, Chromium, Firefox ESR)', command: 'tsx scripts/node-tests.ts test/e2e' },
  { name: 'storybook build', command: 'npm run --silent build-storybook' },
  { name: 'stories (render + axe)', command: 'tsx scripts/node-tests.ts test/stories' },
  {
    name: 'visual (every story at 390×844 and 1280×800, light and dark, against baselines)',
    command: 'node --import tsx --test --test-concurrency=1 --test-reporter=spec test/visual/visual.test.ts',
  },
];

interface Outcome {
  step: string;
  ok: boolean;
  passed: number;
  failed: number;
  seconds: number;
}

/** Reads test counts from the runners' own closing lines (node:test spec/tap, web-test-runner). */
function countTests(output: string): { passed: number; failed: number } {
  // eslint-disable-next-line no-control-regex
  const text = output.replace(/\u001b\[[0-9;]*[A-Za-z]/g, '');
  let passed = 0;
  let failed = 0;
  for (const match of text.matchAll(/^[ℹ#] pass (\d+)$/gm)) passed += Number(match[1]);
  for (const match of text.matchAll(/^[ℹ#] fail (\d+)$/gm)) failed += Number(match[1]);
  const wtr = [...text.matchAll(/(\d+) passed, (\d+) failed/g)].pop();
  if (wtr && !/^[ℹ#] pass/m.test(text)) {
    passed += Number(wtr[1]);
    failed += Number(wtr[2]);
  }
  return { passed, failed };
}

function run(step: Step): Promise<Outcome> {
  const started = Date.now();
  console.log(`\n━━ ${step.name}: ${step.command}`);
  return new Promise((resolve) => {
    const child = spawn(step.command, {
      shell: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, PATH: `${process.cwd()}/node_modules/.bin:${process.env.PATH}`, FORCE_COLOR: '0' },
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk;
      process.stdout.write(chunk);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk;
      process.stderr.write(chunk);
    });
    child.on('close', (code) => {
      const { passed, failed } = countTests(output);
      resolve({ step: step.name, ok: code === 0, passed, failed, seconds: (Date.now() - started) / 1000 });
    });
  });
}

const only = process.argv.slice(2);
const outcomes: Outcome[] = [];
for (const step of STEPS.filter((s) => only.length === 0 || only.some((o) => s.name.startsWith(o)))) {
  outcomes.push(await run(step));
}

console.log('\n━━ summary');
for (const o of outcomes) {
  const tests = o.passed + o.failed > 0 ? ` (${o.passed} passed, ${o.failed} failed)` : '';
  console.log(`${o.ok ? 'ok  ' : 'FAIL'} ${o.step}${tests} in ${o.seconds.toFixed(1)} s`);
}
const passed = outcomes.reduce((sum, o) => sum + o.passed, 0);
const failed = outcomes.reduce((sum, o) => sum + o.failed, 0);
const failedSteps = outcomes.filter((o) => !o.ok).length;
// A step that failed without a failing test (a type error, a lint error, a broken build) counts as one failure.
const failures = failed + outcomes.filter((o) => !o.ok && o.failed === 0).length;
console.log(`\n${passed} passed, ${failures} failed`);
process.exit(failedSteps > 0 ? 1 : 0);
