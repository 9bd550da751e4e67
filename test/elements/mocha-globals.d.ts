// The mocha globals web-test-runner provides in the browser (no @types/mocha in the project).
declare interface MochaContext {
  currentTest?: { title: string };
  timeout(ms: number): void;
}
declare function describe(title: string, body: (this: MochaContext) => void): void;
declare function it(title: string, body: (this: MochaContext) => void | Promise<void>): void;
declare function beforeEach(body: (this: MochaContext) => void | Promise<void>): void;
declare function afterEach(body: (this: MochaContext) => void | Promise<void>): void;
