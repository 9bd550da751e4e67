/** The call model's public surface. No Lit and no livekit-client here: the SDK loads only when a call starts. */
export * from './snapshot.js';
export type { RoomSessionApi, SnapshotListener } from './session-api.js';
export {
  TRANSITIONS,
  TransitionError,
  assertTransition,
  canTransition,
  isConnected,
  isDevelopment,
  isEngaged,
} from './transitions.js';
export { SnapshotStore, type SnapshotPatch, type SnapshotUpdate } from './store.js';
export { EndpointError, type EndpointErrorCode } from './endpoint-error.js';
export {
  EndpointClient,
  type EndpointClientOptions,
  type KnockProgress,
  type SettledKnock,
} from './endpoint-client.js';
export {
  TokenEndpointClient,
  type TokenEndpointClientOptions,
  type TokenSourceCredentials,
  type TokenSourceRequestBody,
} from './token-endpoint-client.js';
export type { KeyValueStorage } from './credential-store.js';
export { listDevices, meterMicrophone, queryPermission, requestMedia, stopStream } from './devices.js';
export type { DeviceLists, MediaAccess, MediaRequest } from './devices.js';
export type { CallConnection, CallConnector, CallEvents, ConnectRequest, PublishRequest } from './call.js';
export { RoomSession, type RoomSessionOptions } from './room-session.js';
