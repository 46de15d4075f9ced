/** The text a person can copy into a report: what failed, where, when. No records, no tokens. */
export function diagnosticsText(
  error: unknown,
  componentStack: string | null,
  context: { at: Date; screen: string; userAgent: string },
): string {
  const what =
    error instanceof Error ? `${error.name}: ${error.message}` : `Thrown: ${String(error)}`;
  const where = (componentStack ?? '')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .slice(0, 12);
  return [
    'Ledgerlink: a window stopped working',
    `When: ${context.at.toISOString()}`,
    `Screen: ${context.screen || '(start)'}`,
    `Error: ${what.slice(0, 500)}`,
    ...(where.length > 0 ? ['Where:', ...where.map((line) => `  ${line}`)] : []),
    `Browser: ${context.userAgent}`,
  ].join('\n');
}
