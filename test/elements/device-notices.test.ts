import { expect } from '@open-wc/testing';
import { deviceNotices } from '../../src/elements/prejoin/device-notices.js';
import { devices, snapshots } from '../../src/testing/fixtures.js';
import type { DevicesSnapshot } from '../../src/core/snapshot.js';

function noticesFor(patch: Partial<DevicesSnapshot>, media = { cameraEnabled: true, micEnabled: true }) {
  return deviceNotices({ ...snapshots.preJoin(), ...media, devices: devices(patch) });
}

describe('deviceNotices', () => {
  it('shows nothing when both devices are granted and present', () => {
    expect(noticesFor({ cameraPermission: 'granted', microphonePermission: 'granted' })).to.deep.equal([]);
  });

  it('offers Allow while a permission is still to be asked', () => {
    expect(noticesFor({ cameraPermission: 'prompt', microphonePermission: 'granted' })).to.deep.equal([
      [null, 'prejoin.allow'],
    ]);
  });

  it('does not offer Allow when both devices are switched off', () => {
    const notices = noticesFor(
      { cameraPermission: 'prompt', microphonePermission: 'prompt' },
      { cameraEnabled: false, micEnabled: false },
    );
    expect(notices).to.deep.equal([]);
  });

  it('offers joining without both, and retry, when both are blocked', () => {
    expect(noticesFor({ cameraPermission: 'denied', microphonePermission: 'denied' })).to.deep.equal([
      ['prejoin.denied', 'prejoin.without-camera', 'prejoin.without-mic', 'prejoin.retry-devices'],
    ]);
  });

  it('offers only retry for a blocked camera already switched off', () => {
    const notices = noticesFor(
      { cameraPermission: 'denied', microphonePermission: 'granted' },
      { cameraEnabled: false, micEnabled: true },
    );
    expect(notices).to.deep.equal([['prejoin.camera.denied', 'prejoin.retry-devices']]);
  });

  it('treats a granted permission with no device listed as missing', () => {
    const notices = noticesFor({ cameraPermission: 'granted', cameras: [], microphonePermission: 'unavailable' });
    expect(notices).to.deep.equal([
      ['prejoin.camera.none', 'prejoin.without-camera'],
      ['prejoin.mic.none', 'prejoin.without-mic'],
    ]);
  });
});
