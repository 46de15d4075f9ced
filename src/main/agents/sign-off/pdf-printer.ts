/**
 * Prints a self-contained HTML document to PDF. The desktop app implements it with Electron's
 * `webContents.printToPDF` (src/main/electron/pdf-printer.ts); the browser host has none, and the
 * window prints with the browser's own print instead.
 */
export interface PdfPrinter {
  printHtmlToPdf(html: string): Promise<Uint8Array>;
}
