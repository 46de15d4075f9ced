/**
 * The one place for tax-year and update-period arithmetic (design.md "Rules of the house"):
 * calendar dates, tax years, update periods and HMRC's cumulative date rules, a file each.
 *
 * Dates are ISO `YYYY-MM-DD` strings and all arithmetic is on whole days, so no time zone or
 * daylight-saving change can shift a date. The only place an instant becomes a date is
 * `ukDateOf`, which reads the calendar date in Europe/London, the date HMRC's rules use.
 */

export * from './calendar-dates';
export * from './tax-years';
export * from './update-periods';
export * from './cumulative-dates';
