/** How long the speaker test's tone lasts: long enough to notice, short enough not to annoy. */
const TONE_SECONDS = 0.8;

/**
 * Plays a short, soft 440 Hz tone through the default output (WebAudio), fading in and out so it does not click.
 * Resolves when it has finished (or should have) and the audio context is closed.
 */
export async function playTestTone(): Promise<void> {
  const audio = new AudioContext();
  try {
    // Not awaited: a context the browser keeps suspended (no user gesture) would never resume; the wait below is bounded.
    void audio.resume().catch(() => {});
    const oscillator = audio.createOscillator();
    const gain = audio.createGain();
    oscillator.frequency.value = 440;
    const start = audio.currentTime;
    gain.gain.setValueAtTime(0, start);
    gain.gain.linearRampToValueAtTime(0.2, start + 0.05);
    gain.gain.setValueAtTime(0.2, start + TONE_SECONDS - 0.1);
    gain.gain.linearRampToValueAtTime(0, start + TONE_SECONDS);
    oscillator.connect(gain).connect(audio.destination);
    const ended = new Promise((resolve) => (oscillator.onended = resolve));
    oscillator.start(start);
    oscillator.stop(start + TONE_SECONDS);
    // A suspended context never plays the tone to its end: wait no longer than the tone should take.
    await Promise.race([ended, new Promise((resolve) => setTimeout(resolve, TONE_SECONDS * 1000 + 500))]);
  } finally {
    await audio.close().catch(() => {});
  }
}
