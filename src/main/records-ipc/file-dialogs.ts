/**
 * The port through which records reach the computer's files. The window is sandboxed and must
 * never send a path (or a 50 MB file) over IPC, so the main process shows the OS dialog, keeps
 * the chosen path and tells the window only the file's name. Electron provides it with
 * `dialog` and `shell` (src/main/electron/file-dialogs.ts); the browser shell shows the
 * browser's own file input and streams the file to a private folder (src/main/web).
 */
export interface FileFilter {
  name: string;
  /** Without dots: `csv`, `pdf`; `*` for any file. */
  extensions: string[];
}

export interface FileDialogs {
  /** The OS open dialog: the chosen file's path, or null when the person cancels. */
  chooseFile(options: { title: string; filters: FileFilter[] }): Promise<string | null>;
  /** The OS save dialog: where to write, or null when the person cancels. */
  chooseSaveLocation(options: {
    title: string;
    defaultName: string;
    filters: FileFilter[];
  }): Promise<string | null>;
  /** Opens a file the app stored (a receipt) with the computer's own viewer. */
  openFile(path: string): Promise<void>;
  /**
   * The file at a location chooseSaveLocation gave has been written. The browser shell sends it
   * to the browser as a download (a web page cannot write to the person's folders); the desktop
   * wrote it where the person chose, so it has nothing to do.
   */
  delivered?(path: string): Promise<void>;
}

/** No dialogs (tests that never choose a file): every dialog is cancelled. */
export const cancelledFileDialogs: FileDialogs = {
  chooseFile: () => Promise.resolve(null),
  chooseSaveLocation: () => Promise.resolve(null),
  openFile: () => Promise.resolve(),
};
