import { type Pence } from './money';

/** One business's figures for a year, as the calculation takes them (business-figures.ts builds them). */
export interface BusinessFigures {
  businessId: string;
  type: 'self-employment' | 'uk-property' | 'foreign-property';
  name?: string;
  /** Foreign property: the country, one set of figures per country. */
  countryCode?: string;
  income: Pence;
  /** Total expenses as submitted (itemised sum or consolidated). */
  expenses: Pence;
  /** Disallowable expenses, added back to profit. */
  disallowable: Pence;
  taxDeducted: Pence;
  /** Property only: residential finance costs (relieved as a tax reduction, not an expense). */
  financeCosts: Pence;
  /** Annual adjustments that add to profit (balancing charges, goods for own use...). */
  additions?: Pence;
  /** Annual allowances and deductions (capital allowances, the trading or property allowance...). */
  deductions?: Pence;
  /** Adjustments either side of 0 (the basis period adjustment). */
  accountingAdjustments?: Pence;
  /** Self-employment: an exemption from Class 4 NIC was given. */
  class4Exempt?: boolean;
  /** Self-employment: the annual adjustment to profits for Class 4 (from 2026-27). */
  class4Adjustment?: Pence;
  /** Foreign property: tax paid abroad, and whether foreign tax credit relief is claimed. */
  foreignTax?: { paid: Pence; claimed: boolean };
}
