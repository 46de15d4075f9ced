import type { BrowserWindow, BrowserWindowConstructorOptions, WebContents } from 'electron';
import type { PdfPrinter } from '../agents/sign-off/pdf-printer';

/** What the printer uses of a BrowserWindow (narrow, so a test can pass a typed fake). */
export type PrintWindow = Pick<BrowserWindow, 'loadURL' | 'destroy'> & {
  webContents: Pick<WebContents, 'printToPDF'>;
};

/**
 * The sign-off pack printed with Electron's `webContents.printToPDF`: a hidden, sandboxed window
 * with no preload, no Node and JavaScript off loads the pack's own self-contained HTML (a data:
 * URL, with its own CSP allowing nothing but inline style), prints it to A4, and is destroyed.
 * [Electron security checklist: sandbox, contextIsolation, no nodeIntegration]
 */
export function electronPdfPrinter(
  createWindow: (options: BrowserWindowConstructorOptions) => PrintWindow,
): PdfPrinter {
  return {
    async printHtmlToPdf(html) {
      const win = createWindow({
        show: false,
        webPreferences: {
          sandbox: true,
          contextIsolation: true,
          nodeIntegration: false,
          javascript: false,
          webSecurity: true,
        },
      });
      try {
        await win.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(html)}`);
        const pdf = await win.webContents.printToPDF({ pageSize: 'A4', printBackground: false });
        return new Uint8Array(pdf);
      } finally {
        win.destroy();
      }
    },
  };
}
