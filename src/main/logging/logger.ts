import { createRedactor, type Redactor } from './redact';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface LogRecord {
  time: string;
  level: LogLevel;
  scope: string;
  message: string;
  fields?: unknown;
}

/** Where log records go: a file in the desktop app, stderr or memory in tests. */
export type LogSink = (record: LogRecord) => void;

export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
  child(scope: string): Logger;
  /** Register a secret so it is scrubbed from every later line (tokens, verifiers, state). */
  addSecret(value: string): void;
}

export function createLogger(
  sink: LogSink,
  options: { scope?: string; redactor?: Redactor; now?: () => Date } = {},
): Logger {
  const redactor = options.redactor ?? createRedactor();
  const now = options.now ?? (() => new Date());
  const scope = options.scope ?? 'main';
  const write = (level: LogLevel) => (message: string, fields?: Record<string, unknown>) =>
    sink({
      time: now().toISOString(),
      level,
      scope,
      message: redactor.redactText(message),
      ...(fields ? { fields: redactor.redact(fields) } : {}),
    });
  return {
    debug: write('debug'),
    info: write('info'),
    warn: write('warn'),
    error: write('error'),
    child: (child) => createLogger(sink, { scope: `${scope}:${child}`, redactor, now }),
    addSecret: (v) => redactor.addSecret(v),
  };
}

/** JSON lines on stderr: the default for development and the browser host. */
export const stderrSink: LogSink = (record) => {
  process.stderr.write(`${JSON.stringify(record)}\n`);
};

/** Keeps records in memory: tests read them to prove that no secret was logged. */
export function memorySink(): LogSink & { records: LogRecord[] } {
  const records: LogRecord[] = [];
  const sink = ((r: LogRecord) => {
    records.push(r);
  }) as LogSink & { records: LogRecord[] };
  sink.records = records;
  return sink;
}
