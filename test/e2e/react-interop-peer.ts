/**
 * The peer our interop tests and benchmarks run beside `<hashdrop-room>`: LiveKit's own React components, maintained
 * line (`@livekit/components-react` 2.9.x on `@livekit/components-core` ≥ 0.12, which speaks `lk.chat` data
 * streams). Versions are read from the installed packages at run time, so reports name what actually ran.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export interface LiveKitReactVersions {
  componentsReact: string;
  componentsCore: string;
  livekitClient: string;
}

const require = createRequire(import.meta.url);

/** The version of `name` as resolved from `from` (a package's folder), read from its package.json. */
function versionOf(name: string, from?: string): { version: string; dir: string } {
  const main = require.resolve(name, from ? { paths: [from] } : undefined);
  // Walk up from the resolved entry to the package's own folder.
  let dir = dirname(main);
  for (;;) {
    try {
      const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
        name?: string;
        version: string;
      };
      if (manifest.name === name) return { version: manifest.version, dir };
    } catch {
      // no package.json here
    }
    const up = dirname(dir);
    if (up === dir) throw new Error(`no package.json for ${name} above ${main}`);
    dir = up;
  }
}

export function livekitReactVersions(): LiveKitReactVersions {
  const react = versionOf('@livekit/components-react');
  return {
    componentsReact: react.version,
    componentsCore: versionOf('@livekit/components-core', react.dir).version,
    livekitClient: versionOf('livekit-client', react.dir).version,
  };
}

/** "LiveKit React (@livekit/components-react 2.9.24, components-core 0.12.15, livekit-client 2.23.0)". */
export function describeLiveKitReact(versions = livekitReactVersions()): string {
  return (
    `LiveKit React (@livekit/components-react ${versions.componentsReact}, ` +
    `components-core ${versions.componentsCore}, livekit-client ${versions.livekitClient})`
  );
}
