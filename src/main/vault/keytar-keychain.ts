import type { Keychain } from './keychain';

type Keytar = Pick<Keychain, 'getPassword' | 'setPassword' | 'deletePassword'>;

/**
 * The real OS keychain through keytar (macOS Keychain, Windows Credential Manager, the Secret
 * Service on Linux). Loaded on first use: the native module may be missing or fail to load,
 * and that must surface as "keychain unavailable", not stop the app from starting.
 */
export function keytarKeychain(): Keychain {
  let loaded: Promise<Keytar> | undefined;
  const load = (): Promise<Keytar> => {
    loaded ??= import('keytar').then((m) => (m.default ?? m) as Keytar);
    return loaded;
  };
  return {
    getPassword: async (service, account) => (await load()).getPassword(service, account),
    setPassword: async (service, account, password) =>
      (await load()).setPassword(service, account, password),
    deletePassword: async (service, account) => (await load()).deletePassword(service, account),
  };
}
