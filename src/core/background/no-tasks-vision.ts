/**
 * Stands in for `@mediapipe/tasks-vision` in the CDN build. track-processors' index imports it for its own
 * `BackgroundTransformer`, which we do not use (segmentation-transformer.ts says why); the import is a namespace one
 * read only inside that class' methods, so a module of its two names, empty, keeps ≈ 130 KB of unused code out of the background chunk.
 */
export const FilesetResolver = undefined;
export const ImageSegmenter = undefined;
