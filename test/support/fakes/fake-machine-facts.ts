import type {
  DisplaySource,
  MachineFacts,
  NetworkAddressFacts,
  ScreenFacts,
  WindowFacts,
} from '../../../src/main/hmrc/fraud-prevention/machine-facts';

/** A desktop with fixed, realistic facts: for unit tests of the fraud prevention headers. */
export interface FakeMachineOptions {
  user?: { name: string; domain?: string } | undefined;
  addresses?: NetworkAddressFacts[];
  /** Minutes east of UTC, or a function of the instant (to test daylight saving). */
  offsetMinutes?: number | ((at: Date) => number);
  os?: { family: string; version: string };
  device?: { manufacturer?: string; model?: string };
}

export const FAKE_ADDRESSES: NetworkAddressFacts[] = [
  { address: '127.0.0.1', family: 'IPv4', mac: '00:00:00:00:00:00', internal: true },
  { address: '::1', family: 'IPv6', mac: '00:00:00:00:00:00', internal: true },
  { address: '192.168.1.20', family: 'IPv4', mac: 'a4:83:e7:12:34:56', internal: false },
  {
    address: 'fe80::a683:e7ff:fe12:3456',
    family: 'IPv6',
    mac: 'a4:83:e7:12:34:56',
    internal: false,
  },
];

export function fakeMachineFacts(options: FakeMachineOptions = {}): MachineFacts {
  const offset = options.offsetMinutes ?? 60;
  return {
    osUser: () => ('user' in options ? options.user : { name: 'alice' }),
    networkAddresses: () => options.addresses ?? FAKE_ADDRESSES,
    timezoneOffsetMinutes: (at) => (typeof offset === 'function' ? offset(at) : offset),
    operatingSystem: async () => options.os ?? { family: 'Windows', version: '10.0.22631' },
    deviceIdentity: async () =>
      options.device ?? { manufacturer: 'Dell Inc.', model: 'OptiPlex 7090' },
  };
}

export function fakeDisplay(
  screens: ScreenFacts[] = [{ width: 1920, height: 1080, scalingFactor: 1, colourDepth: 24 }],
  window: WindowFacts | undefined = { width: 1280, height: 800 },
): DisplaySource {
  return { screens: () => screens, window: () => window };
}
