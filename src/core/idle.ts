/**
 * Runs `task` in a task of its own, right after the current one and the rendering it queued as microtasks (a Lit
 * update). A message on a channel rather than `setTimeout(…, 0)`, which a background tab delays by a second or more.
 */
export function nextTask(task: () => void): void {
  const channel = new MessageChannel();
  channel.port1.onmessage = () => {
    channel.port1.close();
    task();
  };
  channel.port2.postMessage(null);
}

/**
 * Runs `task` once the browser is idle after the current work — after the screen being rendered now is painted — and
 * within half a second at the latest. For preloads that must not compete with showing the pre-join screen.
 */
export function whenIdle(task: () => void): void {
  const idle = (globalThis as { requestIdleCallback?: (run: () => void, options: { timeout: number }) => void })
    .requestIdleCallback;
  if (idle) idle(task, { timeout: 500 });
  else setTimeout(task, 0);
}
