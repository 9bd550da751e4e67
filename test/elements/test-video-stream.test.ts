import { expect } from '@open-wc/testing';
import { createTestVideoStream, stopTestVideoStreams } from '../../src/testing/snapshot-session.js';

// Storybook stops a story's canvas videos when the story goes (.storybook/preview.ts); without that, a page that shows
// story after story keeps every one of them drawing.
describe('test video streams', () => {
  it('stopTestVideoStreams ends every stream still drawing, and only those', () => {
    const streams = [createTestVideoStream('Ada'), createTestVideoStream('Bo', '#1b7f3b', 640, 360)];
    expect(streams.map((stream) => stream.getVideoTracks()[0]?.readyState)).to.deep.equal(['live', 'live']);
    stopTestVideoStreams();
    expect(streams.map((stream) => stream.getVideoTracks()[0]?.readyState)).to.deep.equal(['ended', 'ended']);
    const next = createTestVideoStream('Cy');
    expect(next.getVideoTracks()[0]?.readyState).to.equal('live');
    stopTestVideoStreams();
    expect(next.getVideoTracks()[0]?.readyState).to.equal('ended');
  });
});
