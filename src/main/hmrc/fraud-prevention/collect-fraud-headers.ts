import { buildFraudHeaders, type FraudFacts, type FraudHeaderValues } from './build-headers';
import { localIpAddresses, macAddresses } from './collect-network';
import type { DisplaySource, MachineFacts } from './machine-facts';

export interface FraudHeaderCollectorDeps {
  machine: MachineFacts;
  /** Absent where there is no window (a headless run): screens and window are then unknown. */
  display: DisplaySource | undefined;
  deviceId: () => string;
  vendor: { productName: string; version: string };
  now: () => Date;
}

export interface CollectedFraudHeaders {
  values: FraudHeaderValues;
  facts: FraudFacts;
}

export interface FraudHeaderCollector {
  /**
   * Reads the device now. Called immediately before every request (and every retry), so
   * Local-IPs and its timestamp are "collected immediately before each request is sent to
   * the API" and the timezone is the one in force at that moment [FPH gov-client-local-ips,
   * gov-client-local-ips-timestamp].
   */
  collect(): Promise<CollectedFraudHeaders>;
}

export function createFraudHeaderCollector(deps: FraudHeaderCollectorDeps): FraudHeaderCollector {
  return {
    async collect() {
      const [operatingSystem, device] = await Promise.all([
        deps.machine.operatingSystem(),
        deps.machine.deviceIdentity(),
      ]);
      const addresses = deps.machine.networkAddresses();
      const localIpsCollectedAt = deps.now();
      const facts: FraudFacts = {
        deviceId: deps.deviceId(),
        osUser: deps.machine.osUser(),
        timezoneOffsetMinutes: deps.machine.timezoneOffsetMinutes(localIpsCollectedAt),
        localIps: localIpAddresses(addresses),
        localIpsCollectedAt,
        macAddresses: macAddresses(addresses),
        screens: deps.display?.screens() ?? [],
        window: deps.display?.window(),
        operatingSystem,
        device,
        vendor: deps.vendor,
      };
      return { values: buildFraudHeaders(facts), facts };
    },
  };
}
