import { dialog, shell, type BrowserWindow, type OpenDialogOptions } from 'electron';
import type { FileDialogs } from '../records-ipc/file-dialogs';

/**
 * The records' file port on Electron: the OS open and save dialogs, modal to the main window
 * (so they cannot get lost behind it), and `shell.openPath` for a stored receipt.
 */
export function electronFileDialogs(mainWindow: () => BrowserWindow | undefined): FileDialogs {
  const parent = () => {
    const w = mainWindow();
    return w && !w.isDestroyed() ? w : undefined;
  };
  return {
    async chooseFile({ title, filters }) {
      const options: OpenDialogOptions = { title, filters, properties: ['openFile'] };
      const w = parent();
      const result = w
        ? await dialog.showOpenDialog(w, options)
        : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    async chooseSaveLocation({ title, defaultName, filters }) {
      const options = { title, defaultPath: defaultName, filters };
      const w = parent();
      const result = w
        ? await dialog.showSaveDialog(w, options)
        : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
    async openFile(path) {
      // openPath resolves to an error message ('' on success) rather than rejecting.
      const problem = await shell.openPath(path);
      if (problem) throw new Error(problem);
    },
  };
}
