/** Plain-English wording for scopes on the grant authority page. */
const DESCRIPTIONS: Record<string, string> = {
  'read:self-assessment': 'View your Income Tax information',
  'write:self-assessment': 'Change your Income Tax information',
  'read:sent-invitations': 'View the authorisation requests you have sent to clients',
  'write:sent-invitations': 'Send authorisation requests to clients',
  'write:cancel-invitations': 'Cancel authorisation requests you have sent',
  'read:check-relationship': 'Check whether a client has authorised you',
  'write:relationships': 'Stop acting for a client',
};

export function describeScope(scope: string): string {
  return DESCRIPTIONS[scope] ?? scope;
}
