import "server-only";
import pino, { type Logger } from "pino";
import { getEnv } from "@/lib/env";
import { processWide } from "@/lib/singleton";

// Logs leave the database's access control, so anything that could open a session, prove a signature or
// identify a person is censored by key, wherever a caller happens to put it.
const SECRET_KEYS = [
  "authorization",
  "cookie",
  "set-cookie",
  "authToken",
  "password",
  "passwordHash",
  "secret",
  "apiKey",
  "apiSecret",
  "signingKey",
  "signature",
  "idenfy-signature",
  "token",
  "totpSecret",
  "rawBody",
  "body",
];

const REDACT_PATHS = SECRET_KEYS.flatMap((key) => {
  const k = JSON.stringify(key);
  // Top level, and one or two objects deep (e.g. req.headers.authorization).
  return [`[${k}]`, `*[${k}]`, `*.*[${k}]`];
});

function createLogger(): Logger {
  return pino({
    level: getEnv().LOG_LEVEL,
    base: { app: "markid-back-office" },
    redact: { paths: REDACT_PATHS, censor: "[redacted]" },
  });
}

// One child per module, made once: hot paths (every webhook, every request) ask for theirs each time.
const children = () => processWide("logger-children", () => new Map<string, Logger>());

/** The process-wide logger, or a child naming the module that logs. */
export function getLogger(module?: string): Logger {
  const logger = processWide("logger", createLogger);
  if (!module) return logger;
  let child = children().get(module);
  if (!child) {
    child = logger.child({ module });
    children().set(module, child);
  }
  return child;
}

/** What may be logged about an error: its class and message, never the objects it carries. */
export function errorSummary(error: unknown): { name: string; message: string } {
  if (error instanceof Error) return { name: error.name, message: error.message.slice(0, 500) };
  return { name: "NonError", message: String(error).slice(0, 500) };
}
