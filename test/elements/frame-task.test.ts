import { expect } from '@open-wc/testing';
import { FrameTask } from '../../src/elements/shared/frame-task.js';

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

describe('FrameTask', () => {
  it('runs once at the next frame, however often it was asked for before it', async () => {
    let runs = 0;
    const task = new FrameTask(() => (runs += 1));
    const element = document.createElement('div');
    document.body.append(element);
    task.schedule(element);
    task.schedule(element);
    expect(runs, 'not inside the update that asked').to.equal(0);
    await task.done();
    expect(runs).to.equal(1);
    task.schedule(element);
    await nextFrame();
    expect(runs, 'asked again after its frame: runs again').to.equal(2);
    element.remove();
  });

  it('runs at once for an element in no window, and a cancelled run never happens but settles', async () => {
    let runs = 0;
    const task = new FrameTask(() => (runs += 1));
    task.schedule(null);
    expect(runs).to.equal(1);
    task.schedule(document.body);
    task.cancel();
    await task.done();
    await nextFrame();
    expect(runs).to.equal(1);
  });
});
