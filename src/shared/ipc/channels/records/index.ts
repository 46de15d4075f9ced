import { recordsEntriesChannels } from './entries';
import { recordsExportsChannels } from './exports';
import { recordsImportChannels } from './import';
import { recordsRulesChannels } from './rules';
import { recordsTotalsChannels } from './totals';

/**
 * The records capability's channels, one file per area of the records screens: entries
 * (businesses, the list, entry, splits, receipts), rules, import, totals and exports. Every
 * request names the profile and every answer repeats it, so a window can refuse an answer
 * meant for another profile. Money crosses as integer pence; file paths never cross.
 */
export const recordsChannels = {
  ...recordsEntriesChannels,
  ...recordsRulesChannels,
  ...recordsImportChannels,
  ...recordsTotalsChannels,
  ...recordsExportsChannels,
};

export * from './entries';
export * from './rules';
export * from './import';
export * from './totals';
export * from './events';
