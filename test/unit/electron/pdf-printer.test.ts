import { describe, expect, it, vi } from 'vitest';

// The adapter only names Electron's types; the mock keeps plain Node from loading the real module.
vi.mock('electron', () => import('../../support/electron-mock'));

import type { BrowserWindowConstructorOptions } from 'electron';
import { electronPdfPrinter, type PrintWindow } from '../../../src/main/electron/pdf-printer';

/** A promise the test settles itself, so order is shown by events, never by timing. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** A typed fake of the hidden window and its webContents: records what the printer asks. */
function fakeWindow() {
  const loaded = deferred<void>();
  const printed = deferred<Buffer>();
  const printAsked = deferred<void>();
  const calls: string[] = [];
  let url = '';
  let printOptions: Parameters<PrintWindow['webContents']['printToPDF']>[0] | undefined;
  const win: PrintWindow = {
    loadURL: (u) => {
      url = u;
      calls.push('loadURL');
      return loaded.promise;
    },
    destroy: () => void calls.push('destroy'),
    webContents: {
      printToPDF: (options) => {
        printOptions = options;
        calls.push('printToPDF');
        printAsked.resolve();
        return printed.promise;
      },
    },
  };
  return {
    win,
    loaded,
    printed,
    printAsked: printAsked.promise,
    calls,
    url: () => url,
    printOptions: () => printOptions,
  };
}

const html =
  '<!doctype html><html lang="en-GB"><head><title>Pack</title></head>' +
  '<body><h1>Annual figures for Fox & Co #1</h1><p>£1,200.00 – 100%</p></body></html>';

describe('the Electron PDF printer (webContents.printToPDF)', () => {
  it('prints the pack in a hidden, sandboxed window without scripts, and closes it', async () => {
    const fake = fakeWindow();
    const options: BrowserWindowConstructorOptions[] = [];
    const printer = electronPdfPrinter((o) => {
      options.push(o);
      return fake.win;
    });

    const pdf = printer.printHtmlToPdf(html);
    expect(options).toEqual([
      {
        show: false,
        webPreferences: {
          sandbox: true,
          contextIsolation: true,
          nodeIntegration: false,
          javascript: false,
          webSecurity: true,
        },
      },
    ]);
    expect(options[0]?.webPreferences?.preload).toBeUndefined();

    // Nothing is printed before the page has loaded.
    expect(fake.calls).toEqual(['loadURL']);
    fake.loaded.resolve();
    await fake.printAsked;
    expect(fake.calls).toEqual(['loadURL', 'printToPDF']);
    // The page is the pack's own HTML, whole: "#", "%", "&" and "£" survive the data: URL.
    expect(fake.url()).toMatch(/^data:text\/html;charset=utf-8,/);
    expect(decodeURIComponent(fake.url().slice('data:text/html;charset=utf-8,'.length))).toBe(html);
    expect(fake.printOptions()).toEqual({ pageSize: 'A4', printBackground: false });

    fake.printed.resolve(Buffer.from('%PDF-1.7 pack'));
    const bytes = await pdf;
    expect(bytes).toBeInstanceOf(Uint8Array);
    expect(new TextDecoder().decode(bytes)).toBe('%PDF-1.7 pack');
    expect(fake.calls).toEqual(['loadURL', 'printToPDF', 'destroy']);
  });

  it('closes the window when the page fails to load, and says why', async () => {
    const fake = fakeWindow();
    const printer = electronPdfPrinter(() => fake.win);
    const pdf = printer.printHtmlToPdf(html);
    fake.loaded.reject(new Error('ERR_ABORTED'));
    await expect(pdf).rejects.toThrow('ERR_ABORTED');
    expect(fake.calls).toEqual(['loadURL', 'destroy']);
  });

  it('closes the window when printing fails', async () => {
    const fake = fakeWindow();
    const printer = electronPdfPrinter(() => fake.win);
    const pdf = printer.printHtmlToPdf(html);
    fake.loaded.resolve();
    await fake.printAsked;
    fake.printed.reject(new Error('Printing failed'));
    await expect(pdf).rejects.toThrow('Printing failed');
    expect(fake.calls).toEqual(['loadURL', 'printToPDF', 'destroy']);
  });
});
