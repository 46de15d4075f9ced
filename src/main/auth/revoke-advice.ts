import type { Environment } from '@shared/ipc/channels/settings';

/**
 * How a person takes back the authority they gave, per environment. HMRC's "Manage
 * authorised applications" service (reference §2.5 [UR]); its host is on the openExternal
 * allow-list (src/main/shell/external-url-policy.ts).
 */
export function revokeAdvice(environment: Environment): { url?: string; instructions: string } {
  switch (environment) {
    case 'production':
      return {
        url: 'https://www.tax.service.gov.uk/applications-manage-authority/',
        instructions:
          'Ledgerlink has deleted its copy of your HMRC sign-in. HMRC still lists Ledgerlink as authorised until the 18 months end: to take the authority back now, use HMRC’s “Manage authorised applications” page and remove Ledgerlink.',
      };
    case 'sandbox':
      return {
        instructions:
          'Ledgerlink has deleted its copy of the sandbox sign-in. Sandbox test users’ grants end by themselves; there is nothing else to do.',
      };
    case 'practice':
      return {
        instructions:
          'Ledgerlink has deleted its copy of the practice sign-in. Practice HMRC runs on this computer only; there is nothing else to do.',
      };
  }
}
