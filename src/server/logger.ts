/**
 * The endpoint's logger. Lines carry ids, codes and routes, never credentials, tokens, host keys or the server secret
 * (nothing from an Authorization header or a body is ever passed to it).
 */
export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

const line = (level: string, message: string, fields?: Record<string, unknown>) =>
  JSON.stringify({ time: new Date().toISOString(), level, message, ...fields });

/** JSON lines on stderr; `info` only when `verbose`. */
export function consoleLogger(verbose = false): Logger {
  return {
    info: (message, fields) => {
      if (verbose) console.error(line('info', message, fields));
    },
    warn: (message, fields) => console.error(line('warn', message, fields)),
    error: (message, fields) => console.error(line('error', message, fields)),
  };
}

export const silentLogger: Logger = { info() {}, warn() {}, error() {} };
