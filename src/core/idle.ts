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
