import type { KeyValueStore } from '../../storage/key-value-store';

const KEY = 'deviceId';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Gov-Client-Device-ID: a UUID generated once by the app and stored persistently on the
 * device; it never expires, and if the person deletes it a new one is generated
 * [FPH gov-client-device-id]. Kept in the app's data folder through the KeyValueStore port
 * (electron-store in the desktop app).
 */
export function createDeviceIdSource(
  store: KeyValueStore,
  newId: () => string,
): { deviceId(): string } {
  return {
    deviceId() {
      const existing = store.get<unknown>(KEY);
      if (typeof existing === 'string' && UUID.test(existing)) return existing.toLowerCase();
      const id = newId();
      store.set(KEY, id);
      return id;
    },
  };
}
