/**
 * The endpoint's operations, one constant each: method and path, relative to the endpoint's base (the `endpoint`
 * attribute, e.g. `/api`), with OpenAPI's `{param}` placeholders. Each name is the operation's id. This module is
 * the route table's first column: src/contract/api.ts reads it as a whole (`import * as`) and adds who may call each
 * operation, its schemas and error codes; the browser client imports single operations, so it carries only plain
 * strings (no validator, no documentation). Nothing but operations may be exported here.
 */
export const getInfo = ['GET', '/info'] as const;
export const getHealth = ['GET', '/healthz'] as const;
export const getReadiness = ['GET', '/readyz'] as const;
export const getMetrics = ['GET', '/metrics'] as const;
export const issueIdentity = ['POST', '/identity'] as const;
export const connectionCheck = ['POST', '/connection-check'] as const;
export const livekitWebhook = ['POST', '/livekit/webhook'] as const;
export const listRooms = ['GET', '/rooms'] as const;
export const createRoom = ['POST', '/rooms'] as const;
export const getRoom = ['GET', '/rooms/{idOrCode}'] as const;
export const updateRoom = ['PATCH', '/rooms/{idOrCode}'] as const;
export const deleteRoom = ['DELETE', '/rooms/{idOrCode}'] as const;
export const claimHost = ['POST', '/rooms/{idOrCode}/claim-host'] as const;
export const joinRoom = ['POST', '/rooms/{idOrCode}/join'] as const;
export const endCall = ['POST', '/rooms/{idOrCode}/end'] as const;
export const startRecording = ['POST', '/rooms/{idOrCode}/recording'] as const;
export const stopRecording = ['DELETE', '/rooms/{idOrCode}/recording'] as const;
export const startStream = ['POST', '/rooms/{idOrCode}/stream'] as const;
export const stopStream = ['DELETE', '/rooms/{idOrCode}/stream'] as const;
export const listKnocks = ['GET', '/rooms/{idOrCode}/knocks'] as const;
export const admitAllKnocks = ['POST', '/rooms/{idOrCode}/knocks/admit-all'] as const;
export const getKnock = ['GET', '/rooms/{idOrCode}/knocks/{knockId}'] as const;
export const cancelKnock = ['DELETE', '/rooms/{idOrCode}/knocks/{knockId}'] as const;
export const admitKnock = ['POST', '/rooms/{idOrCode}/knocks/{knockId}/admit'] as const;
export const denyKnock = ['POST', '/rooms/{idOrCode}/knocks/{knockId}/deny'] as const;
export const lowerAllHands = ['POST', '/rooms/{idOrCode}/hands/lower-all'] as const;
export const muteAll = ['POST', '/rooms/{idOrCode}/microphones/mute-all'] as const;
export const setOwnHand = ['POST', '/rooms/{idOrCode}/hand'] as const;
export const sendReaction = ['POST', '/rooms/{idOrCode}/reactions'] as const;
export const kickParticipant = ['POST', '/rooms/{idOrCode}/participants/{identity}/kick'] as const;
export const muteParticipant = ['POST', '/rooms/{idOrCode}/participants/{identity}/mute'] as const;
export const askToUnmute = ['POST', '/rooms/{idOrCode}/participants/{identity}/ask-to-unmute'] as const;
export const promoteParticipant = ['POST', '/rooms/{idOrCode}/participants/{identity}/promote'] as const;
export const demoteParticipant = ['POST', '/rooms/{idOrCode}/participants/{identity}/demote'] as const;
export const lowerHand = ['POST', '/rooms/{idOrCode}/participants/{identity}/lower-hand'] as const;
