/**
 * Type-checked, never run: the generated React typings (src/frameworks/react.d.ts) accept the elements' documented
 * attribute values and reject others. Each `@ts-expect-error` fails the type check (`tsc --noEmit`, and
 * framework-types.test.ts) if the line it marks stops being an error, so a typing that widens back to `string` is
 * caught.
 */
import type {} from '../../src/frameworks/react.js';
import type {} from '../../src/index.js';

export const accepted = [
  <hashdrop-room key="a" endpoint="/api" room="STELLAR-PHOENIX" theme="dark" layout="grid" audio="off" video="on" />,
  <hashdrop-stage key="b" layout="spotlight" />,
  <hashdrop-participant-tile key="c" source="screen_share" fit="contain" />,
];

export const rejected = [
  // @ts-expect-error `theme` is light, dark or auto.
  <hashdrop-room key="a" theme="blue" />,
  // @ts-expect-error `layout` is spotlight or grid.
  <hashdrop-room key="b" layout="mosaic" />,
  // @ts-expect-error `audio` is on or off.
  <hashdrop-room key="c" audio="loud" />,
  // @ts-expect-error `source` is camera or screen_share.
  <hashdrop-participant-tile key="d" source="microphone" />,
];
