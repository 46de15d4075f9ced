import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { BrowserHost } from '../support/browser-host/start-browser-host';

/**
 * What the records e2e tests share: a profile made the way the app makes one, bank statements
 * written as a UK bank exports them, and a receipt file. Files go to a temp folder; the test
 * queues them as the answer to the app's OS file dialog, as the person would pick them.
 */

export const SAM = { name: 'Sam Taylor', nino: 'AA100001A' };

export async function samsProfile(host: BrowserHost): Promise<string> {
  const profile = await host.services.profiles.create({ kind: 'self', ...SAM, activate: true });
  return profile.id;
}

export const tempFolder = () => mkdtempSync(join(tmpdir(), 'ledgerlink-records-e2e-'));

export function writeFile(dir: string, name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

/** A Lloyds-style export: debit and credit columns, DD/MM/YYYY, newest last. */
export const LLOYDS_HEADER =
  'Transaction Date,Transaction Type,Sort Code,Account Number,Transaction Description,Debit Amount,Credit Amount,Balance';

export function lloydsRow(
  date: string,
  type: string,
  description: string,
  debit: string,
  credit: string,
  balance: string,
): string {
  const cell = (s: string) => (/[",]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  return [
    date,
    type,
    "'30-94-12",
    '12345678',
    cell(description),
    cell(debit),
    cell(credit),
    cell(balance),
  ].join(',');
}

/** The smallest valid PDF header: the ledger knows a receipt by its first bytes. */
export const PDF_RECEIPT = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

/** Opens a records tab (after the profile exists) and waits for its heading. */
export async function openRecords(app: Page, host: BrowserHost, tab = ''): Promise<void> {
  await app.goto(`${host.url}#/records${tab ? `/${tab}` : ''}`);
  await app.getByRole('heading', { level: 1, name: 'Records' }).waitFor();
}
