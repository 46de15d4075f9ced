import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { chmod, mkdir, mkdtemp, rm, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { basename, join, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { AppError } from '../ipc/app-error';
import type { Logger } from '../logging/logger';
import type { FileDialogs, FileFilter } from '../records-ipc/file-dialogs';
import type { PageMessage } from './page-messages';

/**
 * The most a browser may send in one file. The desktop path reads the person's own file where
 * it lies; here each byte is copied onto this computer's disk first, so an upload is capped
 * before it can fill the disk. Every file then goes through the same checks as on the desktop
 * (receipts 25 MB, archives' own limits, the statement parsers).
 */
export const MAX_BROWSER_FILE_BYTES = 256 * 1024 * 1024;

export interface BrowserFilesOptions {
  /** `<userData>/browser-files`: private to this user (0700), emptied at each start. */
  root: string;
  /** Sends a message to the page the person is using; false when no page is connected. */
  sendToPage: (message: PageMessage) => boolean;
  logger: Pick<Logger, 'warn'>;
  maxBytes?: number;
}

export interface BrowserFiles {
  dialogs: FileDialogs;
  /** POST /__shell/files/<id>: the chosen file's bytes, streamed to the private folder. */
  receiveUpload(id: string, req: IncomingMessage, res: ServerResponse): Promise<void>;
  /** The page reports that the person closed the file chooser without choosing. */
  cancelled(id: string): void;
  /** GET /__shell/downloads/<id>: a saved export or archive, sent once, then removed. */
  sendDownload(id: string, res: ServerResponse): Promise<void>;
  dispose(): Promise<void>;
}

interface PendingChoice {
  resolve: (path: string | null) => void;
  reject: (error: unknown) => void;
}

const ID = /^[A-Za-z0-9_-]{22}$/;
const newId = () => randomBytes(16).toString('base64url');

/** A browser's file name, reduced to a safe single name (it is data, never a path). */
export function safeFileName(raw: string, fallback = 'file'): string {
  const name = basename(raw.replaceAll('\\', '/'))
    // Control characters and the characters Windows forbids in a name.
    // eslint-disable-next-line no-control-regex -- control characters are what it removes
    .replace(/[\u0000-\u001f\u007f<>:"/\\|?*]/g, '_')
    .replace(/^\.+/, '')
    .trim()
    .slice(-120);
  return name || fallback;
}

/** The `accept` attribute for the OS dialog filters: `.csv,.ofx`; any file for `*`. */
export const acceptOf = (filters: FileFilter[]): string =>
  filters.some((f) => f.extensions.includes('*'))
    ? ''
    : filters.flatMap((f) => f.extensions.map((e) => `.${e}`)).join(',');

const sizeText = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${Math.floor(bytes / 1024 / 1024)} MB` : `${Math.floor(bytes / 1024)} KB`;

const tooLarge = (maxBytes: number) =>
  new AppError(
    'FILE_TOO_LARGE',
    `That file is larger than ${sizeText(maxBytes)}, the most Ledgerlink takes from a browser.`,
    'Choose a smaller file (for a statement, export a shorter date range from your bank).',
  );

/**
 * The records' file port in the browser shell. The window asks main to "show the open dialog";
 * main asks the page to show the browser's own file input, and the page streams the chosen
 * file here. Saved exports and archives are written to the private folder, then sent to the
 * browser as a download.
 */
export async function createBrowserFiles(options: BrowserFilesOptions): Promise<BrowserFiles> {
  const { root, logger } = options;
  const maxBytes = options.maxBytes ?? MAX_BROWSER_FILE_BYTES;
  await rm(root, { recursive: true, force: true, maxRetries: 3 });
  await mkdir(root, { recursive: true, mode: 0o700 });
  // mkdir's mode is narrowed by the umask and ignored for a folder that already exists.
  await chmod(root, 0o700);

  const choices = new Map<string, PendingChoice>();
  const saveTargets = new Set<string>();
  const downloads = new Map<string, { path: string; name: string }>();

  const privateFolder = async () => {
    const dir = await mkdtemp(join(root, 'f-'));
    await chmod(dir, 0o700);
    return dir;
  };

  const notConnected = () =>
    new AppError(
      'BROWSER_PAGE_GONE',
      'Ledgerlink’s page is not connected, so it cannot ask your browser for a file.',
      'Reload the Ledgerlink tab and try again.',
    );

  const dialogs: FileDialogs = {
    chooseFile({ title, filters }) {
      const id = newId();
      return new Promise<string | null>((resolve, reject) => {
        choices.set(id, { resolve, reject });
        if (!options.sendToPage({ kind: 'choose-file', id, title, accept: acceptOf(filters) })) {
          choices.delete(id);
          reject(notConnected());
        }
      });
    },
    async chooseSaveLocation({ defaultName }) {
      const path = join(await privateFolder(), safeFileName(defaultName, 'ledgerlink-export'));
      saveTargets.add(path);
      return path;
    },
    async delivered(path) {
      if (!saveTargets.delete(path)) return;
      const id = newId();
      downloads.set(id, { path, name: basename(path) });
      if (!options.sendToPage({ kind: 'download', url: `/__shell/downloads/${id}` }))
        throw notConnected();
    },
    async openFile(path) {
      // A stored receipt: the browser downloads it and opens it with the computer's viewer.
      const id = newId();
      downloads.set(id, { path, name: basename(path) });
      if (!options.sendToPage({ kind: 'download', url: `/__shell/downloads/${id}` }))
        throw notConnected();
    },
  };

  const answer = (res: ServerResponse, status: number, body: object) => {
    res.statusCode = status;
    res.setHeader('content-type', 'application/json; charset=utf-8');
    res.end(JSON.stringify(body));
  };

  return {
    dialogs,
    async receiveUpload(id, req, res) {
      const choice = ID.test(id) ? choices.get(id) : undefined;
      if (!choice) {
        req.resume();
        return answer(res, 404, { ok: false });
      }
      choices.delete(id);
      const declared = Number(req.headers['content-length'] ?? NaN);
      if (declared > maxBytes) {
        // Refused before a byte is written; the connection closes so the rest is not read.
        res.setHeader('connection', 'close');
        answer(res, 413, { ok: false });
        logger.warn('A file from the browser was refused: too large', { bytes: declared });
        return choice.reject(tooLarge(maxBytes));
      }
      let rawName = '';
      try {
        rawName = decodeURIComponent(String(req.headers['x-file-name'] ?? ''));
      } catch {
        rawName = '';
      }
      const path = join(await privateFolder(), safeFileName(rawName));
      let received = 0;
      try {
        await pipeline(
          req,
          async function* cap(source: AsyncIterable<Buffer>) {
            for await (const chunk of source) {
              received += chunk.length;
              if (received > maxBytes) throw tooLarge(maxBytes);
              yield chunk;
            }
          },
          createWriteStream(path, { mode: 0o600, flags: 'wx' }),
        );
      } catch (error) {
        await rm(path, { force: true });
        res.setHeader('connection', 'close');
        answer(res, error instanceof AppError ? 413 : 400, { ok: false });
        logger.warn('A file from the browser was not received', {
          reason: error instanceof AppError ? error.code : 'interrupted',
        });
        return choice.reject(
          error instanceof AppError
            ? error
            : new AppError(
                'FILE_NOT_RECEIVED',
                'The file did not arrive from your browser in full.',
                'Choose it again.',
              ),
        );
      }
      answer(res, 200, { ok: true });
      choice.resolve(path);
    },
    cancelled(id) {
      const choice = choices.get(id);
      choices.delete(id);
      choice?.resolve(null);
    },
    async sendDownload(id, res) {
      const entry = ID.test(id) ? downloads.get(id) : undefined;
      if (!entry) {
        res.statusCode = 404;
        return void res.end();
      }
      downloads.delete(id);
      const size = (await stat(entry.path)).size;
      res.setHeader('content-type', 'application/octet-stream');
      res.setHeader('content-length', String(size));
      // RFC 6266: the file name as UTF-8 (and an ASCII fallback for old browsers).
      res.setHeader(
        'content-disposition',
        `attachment; filename="${entry.name.replace(/[^\x20-\x7e]|"/g, '_')}"; filename*=UTF-8''${encodeURIComponent(entry.name)}`,
      );
      res.setHeader('cache-control', 'no-store');
      await pipeline(createReadStream(entry.path), res);
      // A saved export leaves the private folder once the browser has it; a receipt stays where
      // the ledger keeps it.
      if (entry.path.startsWith(root + sep)) await rm(entry.path, { force: true });
    },
    async dispose() {
      for (const choice of choices.values()) choice.resolve(null);
      choices.clear();
      await rm(root, { recursive: true, force: true, maxRetries: 3 });
    },
  };
}
