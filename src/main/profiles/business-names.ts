import { BUSINESS_KIND_NAMES } from '@shared/domain/business-kinds';
import type { CachedBusiness } from './hmrc-cache';

const TYPE_NAMES: Record<CachedBusiness['typeOfBusiness'], string> = {
  'self-employment': BUSINESS_KIND_NAMES['self-employment'],
  'uk-property': BUSINESS_KIND_NAMES['uk-property'],
  'foreign-property': 'Foreign property',
  'property-unspecified': 'Property',
};

/** What a business is called on screen: its trading name, or its kind (property has none). */
export const businessName = (b: Pick<CachedBusiness, 'tradingName' | 'typeOfBusiness'>): string =>
  (b.tradingName?.trim() || TYPE_NAMES[b.typeOfBusiness]).slice(0, 200);
