import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs';

/**
 * The few file operations the profiles capability performs on profile folders, behind a port so
 * that a test can make one fail as Windows does (EBUSY while another program holds a file open)
 * at exactly the step it wants.
 */
export interface ProfileFolderFs {
  exists(path: string): boolean;
  list(dir: string): string[];
  mkdir(dir: string): void;
  /** Writes a small file durably: a temporary name, flushed, then renamed into place. */
  writeFile(path: string, text: string): void;
  /** Removes a file or a folder with everything in it; nothing there is not an error. */
  remove(path: string): void;
}

export const nodeProfileFolderFs: ProfileFolderFs = {
  exists: (path) => existsSync(path),
  list: (dir) => (existsSync(dir) ? readdirSync(dir) : []),
  mkdir: (dir) => mkdirSync(dir, { recursive: true }),
  writeFile(path, text) {
    const temp = `${path}.tmp`;
    const fd = openSync(temp, 'w', 0o600);
    try {
      writeSync(fd, text);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, path);
  },
  // A few retries ride out a virus scanner or indexer that holds a file for a moment.
  remove: (path) => rmSync(path, { recursive: true, force: true, maxRetries: 3 }),
};
