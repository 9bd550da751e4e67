import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { nextTask } from '../../src/core/idle.js';

describe('nextTask', () => {
  it('runs after the current task and the microtasks it queued, once', async () => {
    const order: string[] = [];
    nextTask(() => order.push('next task'));
    queueMicrotask(() => order.push('microtask'));
    void Promise.resolve().then(() => queueMicrotask(() => order.push('microtask of a microtask')));
    order.push('current task');
    await new Promise((resolve) => setTimeout(resolve, 50));
    assert.deepEqual(order, ['current task', 'microtask', 'microtask of a microtask', 'next task']);
  });
});
