/** Plain-English wording for scopes on the grant authority page. */
const DESCRIPTIONS: Record<string, string> = {
  'read:self-assessment': 'View your Income Tax information',
  'write:self-assessment': 'Change your Income Tax information',
};

export function describeScope(scope: string): string {
  return DESCRIPTIONS[scope] ?? scope;
}
