/** `hashdrop/server` — the reference endpoint. Node only; never import this from browser code. */
export { createHashdropHandler } from './handler.js';
export type { HashdropHandler, HashdropHandlerOptions, HandlerContext } from './handler.js';
export type { User } from './context.js';
export type { LiveKitOptions } from './livekit.js';
export type { Logger } from './logger.js';
export type {
  RecordingOptions,
  RecordingDestination,
  S3Destination,
  GcsDestination,
  AzureDestination,
} from './recording/config.js';
export { recordingFromEnv } from './recording/config.js';
export { consoleLogger, silentLogger } from './logger.js';
export type { RateLimitOptions, RateLimitRule } from './rate-limit.js';
export type { LongPollLimits } from './long-polls.js';
export { toNodeListener, serve } from './node.js';
export type { NodeListenerOptions, ServeOptions, ServedHandler } from './node.js';
export type { MetricsOptions } from './metrics.js';
export type { KnockNotifier, KnockWatch } from './notifier.js';
export { openStore, createSqliteStore, createPostgresStore, CodeTakenError } from './store/index.js';
export type { Store, RoomRecord, KnockRecord, RoomPatch, EgressJobRecord } from './store/index.js';
