export * from './errors.js';
export * from './roles.js';
export * from './topics.js';
export * from './room-code.js';
export * from './schemas.js';
export * from './routes.js';
export * from './recording.js';
