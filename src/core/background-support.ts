/**
 * Whether this browser can process camera frames: frames as objects (WebCodecs' VideoFrame), a 2D canvas off screen
 * to compose them, a way back to a track (insertable streams, or a canvas' captureStream) and WebGL for the
 * segmentation model. The processing code itself (track-processors, MediaPipe) loads only when turned on, so this asks
 * the browser directly. The elements use it to offer the option or say why not; `setBackground` to do nothing.
 */
export function canProcessBackground(): boolean {
  return (known ??= detect());
}

/** Asked once per page: the answer does not change, and each probe costs a WebGL context. */
let known: boolean | undefined;

function detect(): boolean {
  try {
    const g = globalThis as Record<string, unknown>;
    return (
      !!g.VideoFrame &&
      !!g.OffscreenCanvas &&
      (!!g.MediaStreamTrackProcessor || 'captureStream' in HTMLCanvasElement.prototype) &&
      webgl2()
    );
  } catch {
    return false;
  }
}

/** Whether WebGL 2 works here; the probe's context is let go at once (a page may hold only a few). */
function webgl2(): boolean {
  const context = document.createElement('canvas').getContext('webgl2');
  context?.getExtension('WEBGL_lose_context')?.loseContext();
  return !!context;
}
