import { afterEach, describe, expect, it } from 'vitest';
import { createFraudHeaderCollector } from '../../../src/main/hmrc/fraud-prevention/collect-fraud-headers';
import { createDeviceIdSource } from '../../../src/main/hmrc/fraud-prevention/device-id';
import { nodeMachineFacts } from '../../../src/main/hmrc/fraud-prevention/node-machine-facts';
import {
  cleanIdentity,
  probeDeviceIdentity,
  probeOperatingSystem,
  type ProbeIo,
} from '../../../src/main/hmrc/fraud-prevention/probe-device-identity';
import { createMemoryStore } from '../../../src/main/storage/key-value-store';
import { fakeDisplay, fakeMachineFacts } from '../../support/fakes/fake-machine-facts';

/** A platform with the given files and command outputs; everything else is missing. */
const io = (
  platform: NodeJS.Platform,
  files: Record<string, string> = {},
  commands: Record<string, string> = {},
): ProbeIo & { ran: string[] } => {
  const ran: string[] = [];
  return {
    platform,
    release: platform === 'darwin' ? '23.5.0' : '6.8.0-45-generic',
    type: platform === 'darwin' ? 'Darwin' : 'Linux',
    ran,
    readFile: async (path) => files[path],
    run: async (command, args) => {
      ran.push([command, ...args].join(' '));
      return commands[command];
    },
  };
};

describe('reading the device maker and model', () => {
  it('Linux: from the firmware DMI strings', async () => {
    const linux = io('linux', {
      '/sys/class/dmi/id/sys_vendor': 'Dell Inc.\n',
      '/sys/class/dmi/id/product_name': 'XPS 13 9310\n',
    });
    expect(await probeDeviceIdentity(linux)).toEqual({
      manufacturer: 'Dell Inc.',
      model: 'XPS 13 9310',
    });
  });

  it('Linux: the model name Lenovo keeps in product_version', async () => {
    const lenovo = io('linux', {
      '/sys/class/dmi/id/sys_vendor': 'LENOVO\n',
      '/sys/class/dmi/id/product_name': '20L5CTO1WW\n',
      '/sys/class/dmi/id/product_version': 'ThinkPad T480\n',
    });
    expect(await probeDeviceIdentity(lenovo)).toEqual({
      manufacturer: 'LENOVO',
      model: 'ThinkPad T480',
    });
  });

  it('Linux: firmware filler text counts as not reported', async () => {
    const board = io('linux', {
      '/sys/class/dmi/id/sys_vendor': 'To Be Filled By O.E.M.\n',
      '/sys/class/dmi/id/product_name': 'System Product Name\n',
    });
    expect(await probeDeviceIdentity(board)).toEqual({ manufacturer: undefined, model: undefined });
    expect(cleanIdentity(' Default string ')).toBeUndefined();
    expect(cleanIdentity('HP\0')).toBe('HP');
  });

  it('Linux on an ARM board: the device tree', async () => {
    const pi = io('linux', {
      '/sys/firmware/devicetree/base/model': 'Raspberry Pi 4 Model B Rev 1.4\0',
      '/sys/firmware/devicetree/base/compatible': 'raspberrypi,4-model-b\0brcm,bcm2711\0',
    });
    expect(await probeDeviceIdentity(pi)).toEqual({
      manufacturer: 'raspberrypi',
      model: 'Raspberry Pi 4 Model B Rev 1.4',
    });
  });

  it('Linux in a virtual machine without firmware details: nothing rather than a guess', async () => {
    expect(await probeDeviceIdentity(io('linux'))).toEqual({
      manufacturer: undefined,
      model: undefined,
    });
  });

  it('macOS: Apple and sysctl hw.model', async () => {
    const mac = io('darwin', {}, { sysctl: 'MacBookPro15,2\n' });
    expect(await probeDeviceIdentity(mac)).toEqual({
      manufacturer: 'Apple',
      model: 'MacBookPro15,2',
    });
    expect(mac.ran).toEqual(['sysctl -n hw.model']);
  });

  it('Windows: WMI through PowerShell, then wmic if PowerShell is locked down', async () => {
    const ps = io(
      'win32',
      {},
      {
        'powershell.exe': '{"Manufacturer":"Dell Inc.","Model":"OptiPlex 7090"}\r\n',
      },
    );
    expect(await probeDeviceIdentity(ps)).toEqual({
      manufacturer: 'Dell Inc.',
      model: 'OptiPlex 7090',
    });
    expect(ps.ran[0]).toContain('Win32_ComputerSystem');

    const wmic = io(
      'win32',
      {},
      { wmic: '\r\r\nManufacturer=HP\r\r\nModel=HP EliteBook 840 G8\r\r\n' },
    );
    expect(await probeDeviceIdentity(wmic)).toEqual({
      manufacturer: 'HP',
      model: 'HP EliteBook 840 G8',
    });
  });

  it('the operating system family and version on each platform', async () => {
    expect(
      await probeOperatingSystem(
        io('linux', {
          '/etc/os-release':
            'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nNAME="Debian GNU/Linux"\nVERSION_ID="12"\n',
        }),
      ),
    ).toEqual({ family: 'Linux', version: 'Debian GNU/Linux 12' });
    expect(await probeOperatingSystem(io('linux'))).toEqual({
      family: 'Linux',
      version: '6.8.0-45-generic',
    });
    expect(await probeOperatingSystem(io('darwin', {}, { sw_vers: '14.5\n' }))).toEqual({
      family: 'MacOS',
      version: '14.5',
    });
    expect(await probeOperatingSystem({ ...io('win32'), release: '10.0.22631' })).toEqual({
      family: 'Windows',
      version: '10.0.22631',
    });
  });
});

describe('the device id', () => {
  it('is a UUID made once, kept, and made again only if it is deleted', () => {
    const store = createMemoryStore();
    let n = 0;
    const ids = createDeviceIdSource(store, () => `0000000${++n}-b366-47fa-b1f8-92cede14a1ce`);
    const first = ids.deviceId();
    expect(first).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(ids.deviceId()).toBe(first);
    // A second app start reads the same store.
    expect(createDeviceIdSource(store, () => 'never').deviceId()).toBe(first);
    store.delete('deviceId');
    expect(ids.deviceId()).not.toBe(first);
    store.set('deviceId', 'not-a-uuid');
    expect(ids.deviceId()).toMatch(/^0000000\d-/);
  });
});

describe('the time zone at request time', () => {
  const tz = process.env.TZ;
  afterEach(() => {
    if (tz === undefined) delete process.env.TZ;
    else process.env.TZ = tz;
  });

  it.each([
    ['Europe/London', '2026-01-15T12:00:00Z', 'UTC+00:00'],
    ['Europe/London', '2026-07-15T12:00:00Z', 'UTC+01:00'],
    ['Asia/Kolkata', '2026-07-15T12:00:00Z', 'UTC+05:30'],
    ['America/St_Johns', '2026-01-15T12:00:00Z', 'UTC-03:30'],
    ['America/St_Johns', '2026-07-15T12:00:00Z', 'UTC-02:30'],
  ])('%s on %s is %s (daylight saving included)', async (zone, at, expected) => {
    process.env.TZ = zone;
    const collector = createFraudHeaderCollector({
      machine: {
        ...fakeMachineFacts(),
        timezoneOffsetMinutes: (when) => nodeMachineFacts().timezoneOffsetMinutes(when),
      },
      display: fakeDisplay(),
      deviceId: () => 'beec798b-b366-47fa-b1f8-92cede14a1ce',
      vendor: { productName: 'Ledgerlink', version: '1.0.0' },
      now: () => new Date(at),
    });
    expect((await collector.collect()).values['Gov-Client-Timezone']).toBe(expected);
  });
});

describe('this machine, read through Node', () => {
  it('gives real values: a user, addresses, an OS, and no placeholders', async () => {
    const machine = nodeMachineFacts();
    expect(machine.osUser()?.name).toBeTruthy();
    expect(machine.networkAddresses().length).toBeGreaterThan(0);
    const os = await machine.operatingSystem();
    expect(os.family).toBeTruthy();
    expect(os.version).toBeTruthy();
    const device = await machine.deviceIdentity();
    for (const v of Object.values(device)) if (v !== undefined) expect(cleanIdentity(v)).toBe(v);
    // Read once per process: the same promise both times.
    expect(machine.deviceIdentity()).toBe(machine.deviceIdentity());
  });
});
