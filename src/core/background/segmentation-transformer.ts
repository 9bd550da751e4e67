/**
 * The frame-by-frame work behind background blur and images, for track-processors' `ProcessorWrapper` (which moves the
 * frames between the camera track and the processed one). Segmentation is MediaPipe's selfie segmentation
 * (`@mediapipe/selfie_segmentation`: its WASM, graph and model ship in that package and are served from our build
 * output, see assets.ts). Not track-processors' own `BackgroundTransformer`: that one runs MediaPipe Tasks, whose image
 * segmenter refuses this package's model (it lacks the input normalization metadata Tasks requires), and the Tasks
 * model is published on no package registry, only on a model hub we must never fetch from.
 */
import type { VideoTrackTransformer, VideoTransformerInitOptions } from '@livekit/track-processors';
import type { Results, SelfieSegmentation } from '@mediapipe/selfie_segmentation';
import type { BackgroundChoice } from '../snapshot.js';
import { assetUrl, loadSegmentation } from './assets.js';

export interface BackgroundOptions extends Record<string, unknown> {
  choice: BackgroundChoice;
}

type Canvas2D = OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D;

export class SegmentationTransformer implements VideoTrackTransformer<BackgroundOptions> {
  transformer?: TransformStream<VideoFrame, VideoFrame>;
  #choice: BackgroundChoice;
  #output: Canvas2D | null = null;
  /** The person cut out of the frame (mask, then the frame inside it), drawn over the new background. */
  #person: OffscreenCanvasRenderingContext2D | null = null;
  #segmenter: SelfieSegmentation | null = null;
  #mask: Results['segmentationMask'] | null = null;
  #image: ImageBitmap | null = null;

  constructor(choice: BackgroundChoice) {
    this.#choice = choice;
  }

  async init({ outputCanvas }: VideoTransformerInitOptions): Promise<void> {
    this.#output = outputCanvas.getContext('2d') as Canvas2D | null;
    this.#person = new OffscreenCanvas(outputCanvas.width, outputCanvas.height).getContext('2d');
    const Segmentation = await loadSegmentation();
    const segmenter = new Segmentation({ locateFile: (file) => assetUrl(file) });
    // The landscape model (144×256) is the lighter of the two and fits a camera's 16:9 or 4:3 frame.
    segmenter.setOptions({ modelSelection: 1 });
    segmenter.onResults((results) => {
      this.#mask = results.segmentationMask;
    });
    await segmenter.initialize();
    this.#segmenter = segmenter;
    await this.update({ choice: this.#choice });
    this.transformer = new TransformStream({ transform: (frame, controller) => this.transform(frame, controller) });
  }

  async restart(options: VideoTransformerInitOptions): Promise<void> {
    await this.destroy();
    await this.init(options);
  }

  async destroy(): Promise<void> {
    const segmenter = this.#segmenter;
    this.#segmenter = null;
    this.#mask = null;
    await segmenter?.close();
  }

  async update({ choice }: BackgroundOptions): Promise<void> {
    this.#choice = choice;
    if (typeof choice !== 'object') return;
    const image = await loadImage(assetUrl(choice.image));
    // A later choice may have arrived while this image loaded.
    if (this.#choice === choice) this.#image = image;
  }

  async transform(frame: VideoFrame, controller: TransformStreamDefaultController<VideoFrame>): Promise<void> {
    const output = this.#output;
    const person = this.#person;
    const choice = this.#choice;
    if (!this.#segmenter || !output || !person || choice === 'none') {
      controller.enqueue(frame);
      return;
    }
    let bitmap: ImageBitmap | null = null;
    try {
      const { displayWidth: width, displayHeight: height } = frame;
      // The segmentation takes images with a width and height (a VideoFrame has neither by those names).
      bitmap = await createImageBitmap(frame);
      await this.#segmenter.send({ image: bitmap as unknown as HTMLCanvasElement });
      const mask = this.#mask;
      if (!mask) return controller.enqueue(frame.clone());
      for (const context of [output, person]) {
        if (context.canvas.width !== width) context.canvas.width = width;
        if (context.canvas.height !== height) context.canvas.height = height;
      }
      person.globalCompositeOperation = 'copy';
      person.drawImage(mask as unknown as CanvasImageSource, 0, 0, width, height);
      person.globalCompositeOperation = 'source-in';
      person.drawImage(bitmap, 0, 0, width, height);
      output.globalCompositeOperation = 'copy';
      if (choice === 'blur') {
        // About as strong at any resolution: 10 px on a 640-pixel-wide frame.
        output.filter = `blur(${Math.max(4, Math.round(width / 64))}px)`;
        output.drawImage(bitmap, 0, 0, width, height);
        output.filter = 'none';
      } else if (this.#image) {
        cover(output, this.#image, width, height);
      }
      output.globalCompositeOperation = 'source-over';
      output.drawImage(person.canvas, 0, 0);
      controller.enqueue(new VideoFrame(output.canvas, { timestamp: frame.timestamp }));
    } finally {
      bitmap?.close();
      frame.close();
    }
  }
}

/** Draws `image` to fill width × height, cropped rather than stretched. */
function cover(context: Canvas2D, image: ImageBitmap, width: number, height: number): void {
  const scale = Math.max(width / image.width, height / image.height);
  const w = image.width * scale;
  const h = image.height * scale;
  context.drawImage(image, (width - w) / 2, (height - h) / 2, w, h);
}

async function loadImage(url: string): Promise<ImageBitmap> {
  const element = new Image();
  element.crossOrigin = 'anonymous';
  element.src = url;
  await element.decode();
  // An SVG without a size of its own decodes to 0×0 as a bitmap unless given one.
  return createImageBitmap(element, {
    resizeWidth: element.naturalWidth || 1280,
    resizeHeight: element.naturalHeight || 720,
  });
}
