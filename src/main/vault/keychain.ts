/**
 * The OS keychain, reduced to what the vault needs (keytar's shape). The desktop app and the
 * browser host use keytar (`keytar-keychain.ts`); unit tests use an in-memory fake. Every
 * method may reject: no Secret Service on Linux, a locked keychain, a missing native module.
 */
export interface Keychain {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
}

/**
 * A keychain that is never there: the safe default when the host provides none, so a
 * composition without one keeps tokens for the session only and never writes them to disk.
 */
export function unavailableKeychain(reason = 'No keychain is configured for this host.'): Keychain {
  const refuse = async (): Promise<never> => {
    throw new Error(reason);
  };
  return { getPassword: refuse, setPassword: refuse, deletePassword: refuse };
}
