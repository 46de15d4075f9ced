import { basename } from 'node:path';
import { taxYearOf, ukDateOf } from '@shared/domain/tax-year';
import { AppError } from '../ipc/app-error';
import type { Ledger } from '../ledger';
import type { RecordsIpcContext } from './records-ipc-context';
import { toBusinessView, toHistoryEntry, toReceiptView, toTransactionView } from './records-views';

const RECEIPT_FILTERS = [
  {
    name: 'Receipts (photos and PDFs)',
    extensions: ['pdf', 'png', 'jpg', 'jpeg', 'gif', 'webp', 'heic'],
  },
];

/** The detail view of one transaction: its split parts, receipts and change history. */
function detailOf(ledger: Ledger, profileId: string, transactionId: number) {
  const t = ledger.transactions.get(transactionId);
  return {
    profileId,
    transaction: toTransactionView(t),
    parts: t.parts.map(toTransactionView),
    receipts: ledger.receipts.listFor(transactionId).map(toReceiptView),
    history: ledger.changeLog
      .list({ entity: 'transaction', entityId: transactionId, limit: 30 })
      .map(toHistoryEntry),
  };
}

/** Businesses, the list and its totals, and every edit of a transaction (issue 7 items 3, 6). */
export function registerEntriesIpc(ctx: RecordsIpcContext): void {
  const { router, ledgerOf, changed } = ctx;

  router.handle('records.context', ({ profileId }) => {
    const ledger = ledgerOf(profileId);
    const today = ukDateOf(ctx.clock.now());
    return {
      profileId,
      today,
      taxYear: taxYearOf(today),
      businesses: ledger.businesses.list({ includeArchived: true }).map(toBusinessView),
    };
  });

  router.handle('records.createBusiness', ({ profileId, kind, name, countryCode }) => {
    const business = ledgerOf(profileId).businesses.create({
      kind,
      name,
      ...(countryCode ? { countryCode } : {}),
    });
    changed(profileId);
    return { profileId, business: toBusinessView(business) };
  });

  router.handle('records.renameBusiness', ({ profileId, businessId, name }) => {
    const business = ledgerOf(profileId).businesses.update(businessId, { name });
    changed(profileId);
    return { profileId, business: toBusinessView(business) };
  });

  router.handle(
    'records.setForeignProperty',
    ({ profileId, businessId, countryCode, foreignTaxCreditRelief }) => {
      const business = ledgerOf(profileId).businesses.update(businessId, {
        ...(countryCode !== undefined ? { countryCode } : {}),
        ...(foreignTaxCreditRelief !== undefined ? { foreignTaxCreditRelief } : {}),
      });
      changed(profileId);
      return { profileId, business: toBusinessView(business) };
    },
  );

  router.handle('records.list', ({ profileId, filter, sort, offset, limit }) => {
    const page = ledgerOf(profileId).records.list(filter, { sort, offset, limit });
    return { profileId, offset, rows: page.rows.map(toTransactionView) };
  });

  router.handle('records.summarise', ({ profileId, filter }) => ({
    profileId,
    ...ledgerOf(profileId).records.summarise(filter),
  }));

  router.handle('records.get', ({ profileId, transactionId }) =>
    detailOf(ledgerOf(profileId), profileId, transactionId),
  );

  router.handle('records.add', ({ profileId, ...input }) => {
    const transaction = ledgerOf(profileId).transactions.add(input);
    changed(profileId);
    return { profileId, transaction: toTransactionView(transaction) };
  });

  router.handle('records.update', ({ profileId, transactionId, patch }) => {
    const transaction = ledgerOf(profileId).transactions.update(transactionId, patch);
    changed(profileId);
    return { profileId, transaction: toTransactionView(transaction) };
  });

  router.handle('records.categorise', ({ profileId, transactionIds, ...input }) => {
    const { updated } = ledgerOf(profileId).transactions.categorise(transactionIds, input);
    changed(profileId);
    return { profileId, updated };
  });

  router.handle('records.suggestCategories', ({ profileId, transactionId }) => ({
    profileId,
    transactionId,
    suggestions: ledgerOf(profileId).records.suggestCategories(transactionId),
  }));

  router.handle('records.setDisallowable', ({ profileId, transactionId, pence, basisPoints }) => {
    if ((pence === undefined) === (basisPoints === undefined)) {
      throw new AppError(
        'INVALID_INPUT',
        'Give the part that is not allowable either as an amount or as a share.',
        'Enter an amount or a percentage, not both.',
      );
    }
    const transaction = ledgerOf(profileId).transactions.setDisallowable(
      transactionId,
      pence !== undefined ? { pence } : { basisPoints: basisPoints! },
    );
    changed(profileId);
    return { profileId, transaction: toTransactionView(transaction) };
  });

  router.handle('records.remove', ({ profileId, transactionIds }) => {
    const { removed } = ledgerOf(profileId).transactions.remove(transactionIds);
    changed(profileId);
    return { profileId, removed };
  });

  router.handle('records.restore', ({ profileId, transactionIds }) => {
    const { restored } = ledgerOf(profileId).transactions.restore(transactionIds);
    changed(profileId);
    return { profileId, restored };
  });

  router.handle('records.split', ({ profileId, transactionId, parts }) => {
    const ledger = ledgerOf(profileId);
    ledger.transactions.split(transactionId, parts);
    changed(profileId);
    return detailOf(ledger, profileId, transactionId);
  });

  router.handle('records.unsplit', ({ profileId, transactionId }) => {
    const transaction = ledgerOf(profileId).transactions.unsplit(transactionId);
    changed(profileId);
    return { profileId, transaction: toTransactionView(transaction) };
  });

  router.handle('records.attachReceipt', async ({ profileId, transactionId }) => {
    const ledger = ledgerOf(profileId);
    // Refuse a deleted or unknown transaction before asking the person for a file.
    ledger.transactions.get(transactionId);
    const path = await ctx.files.chooseFile({
      title: 'Choose the receipt (a photo or a PDF)',
      filters: RECEIPT_FILTERS,
    });
    if (path === null) return { profileId, cancelled: true as const };
    const receipt = await ledger.receipts.attach(transactionId, path, {
      originalName: basename(path),
    });
    changed(profileId);
    return { profileId, receipt: toReceiptView(receipt) };
  });

  router.handle('records.detachReceipt', ({ profileId, transactionId, receiptId }) => {
    ledgerOf(profileId).receipts.detach(transactionId, receiptId);
    changed(profileId);
    return { profileId };
  });

  router.handle('records.openReceipt', async ({ profileId, receiptId }) => {
    const ledger = ledgerOf(profileId);
    const receipt = ledger.receipts.get(receiptId);
    // Only a checked receipt file inside this profile's receipts folder, whatever the row says.
    const path = await ledger.receipts.openablePath(receiptId);
    try {
      await ctx.files.openFile(path);
    } catch (error) {
      ctx.logger.warn('A receipt could not be opened', { error: String(error) });
      throw new AppError(
        'RECEIPT_NOT_OPENED',
        `“${receipt.originalName}” could not be opened on this computer.`,
        'Check that an app for photos or PDFs is installed, then try again.',
      );
    }
    return { profileId };
  });
}
