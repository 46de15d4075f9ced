import { profileKey } from '@renderer/app/use-active-profile';

/** The cache key of a profile's other income and reliefs for a year. */
export const otherIncomeKey = (profileId: string, taxYear: string) =>
  profileKey(profileId, 'year-end', 'other-income', taxYear);
