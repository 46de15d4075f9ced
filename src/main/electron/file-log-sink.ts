import { createWriteStream, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { LogSink } from '../logging/logger';

/** JSON lines in <userData>/logs/main.log; records arrive already redacted. */
export function fileLogSink(userData: string): LogSink {
  const dir = join(userData, 'logs');
  mkdirSync(dir, { recursive: true });
  const stream = createWriteStream(join(dir, 'main.log'), { flags: 'a', mode: 0o600 });
  return (record) => {
    stream.write(`${JSON.stringify(record)}\n`);
  };
}
