import type { DeviceIdentityFacts, OperatingSystemFacts } from './machine-facts';

/**
 * How the device's maker, model and OS version are read on each platform (reference §4.6):
 * Linux from the firmware's DMI strings in /sys/class/dmi/id (or the device tree on ARM
 * boards), macOS from `sysctl hw.model` and `sw_vers`, Windows from WMI through PowerShell.
 * The file reader and command runner are injected so each platform is testable anywhere.
 */
export interface ProbeIo {
  platform: NodeJS.Platform;
  /** Resolves to the file's text, or undefined when it does not exist or cannot be read. */
  readFile(path: string): Promise<string | undefined>;
  /** Resolves to stdout, or undefined when the command fails or times out. */
  run(command: string, args: string[]): Promise<string | undefined>;
  release: string;
  type: string;
}

/**
 * Firmware filler that vendors leave in DMI fields. Sending it would be a placeholder in all
 * but name, so it counts as "not reported" [FPH getting-it-right "Missing header data"].
 */
const FILLER = new Set(
  [
    'to be filled by o.e.m.',
    'to be filled by oem',
    'system manufacturer',
    'system product name',
    'system version',
    'default string',
    'not applicable',
    'not specified',
    'o.e.m.',
    'oem',
    'none',
    'n/a',
    'na',
    'null',
    'undefined',
    'unknown',
    '0123456789',
  ].map((s) => s.toLowerCase()),
);

/** Trimmed, NUL-free, and undefined for empty or filler text. */
export function cleanIdentity(value: string | undefined): string | undefined {
  const v = value?.replace(/\0/g, '').trim();
  if (!v || FILLER.has(v.toLowerCase())) return undefined;
  return v;
}

async function linuxIdentity(io: ProbeIo): Promise<DeviceIdentityFacts> {
  const dmi = (field: string) => io.readFile(`/sys/class/dmi/id/${field}`).then(cleanIdentity);
  const [vendor, product, version] = await Promise.all([
    dmi('sys_vendor'),
    dmi('product_name'),
    dmi('product_version'),
  ]);
  if (vendor || product) {
    // Lenovo puts the machine-type code in product_name ("20L5CTO1WW") and the model people
    // know in product_version ("ThinkPad T480").
    const model = vendor?.toUpperCase() === 'LENOVO' && version ? version : product;
    return { manufacturer: vendor, model };
  }
  // ARM boards have no DMI; the device tree names the board and, in `compatible`, its maker.
  const [model, compatible] = await Promise.all([
    io.readFile('/sys/firmware/devicetree/base/model').then(cleanIdentity),
    io.readFile('/sys/firmware/devicetree/base/compatible'),
  ]);
  const maker = cleanIdentity(compatible?.split('\0')[0]?.split(',')[0]);
  return { manufacturer: model ? maker : undefined, model };
}

async function macIdentity(io: ProbeIo): Promise<DeviceIdentityFacts> {
  const model = cleanIdentity(await io.run('sysctl', ['-n', 'hw.model']));
  // Every Mac is made by Apple; hw.model is e.g. "MacBookPro15,2" (the spec's own example).
  return { manufacturer: 'Apple', model };
}

async function windowsIdentity(io: ProbeIo): Promise<DeviceIdentityFacts> {
  const json = await io.run('powershell.exe', [
    '-NoProfile',
    '-NonInteractive',
    '-Command',
    'Get-CimInstance -ClassName Win32_ComputerSystem | Select-Object Manufacturer,Model | ConvertTo-Json -Compress',
  ]);
  if (json) {
    try {
      const parsed = JSON.parse(json) as { Manufacturer?: unknown; Model?: unknown };
      const manufacturer = cleanIdentity(
        typeof parsed.Manufacturer === 'string' ? parsed.Manufacturer : undefined,
      );
      const model = cleanIdentity(typeof parsed.Model === 'string' ? parsed.Model : undefined);
      if (manufacturer || model) return { manufacturer, model };
    } catch {
      // fall through to wmic
    }
  }
  // wmic is deprecated but still present on many machines where PowerShell is locked down.
  const list = await io.run('wmic', [
    'computersystem',
    'get',
    'manufacturer,model',
    '/format:list',
  ]);
  const field = (name: string) =>
    cleanIdentity(new RegExp(`^${name}=(.*)$`, 'im').exec(list ?? '')?.[1]);
  return { manufacturer: field('Manufacturer'), model: field('Model') };
}

export async function probeDeviceIdentity(io: ProbeIo): Promise<DeviceIdentityFacts> {
  switch (io.platform) {
    case 'linux':
      return linuxIdentity(io);
    case 'darwin':
      return macIdentity(io);
    case 'win32':
      return windowsIdentity(io);
    default:
      return {};
  }
}

/** `NAME VERSION_ID` from os-release, e.g. "Debian GNU/Linux 12". */
function osReleaseVersion(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const field = (name: string) =>
    /^"?(.*?)"?$/.exec(new RegExp(`^${name}=(.*)$`, 'm').exec(text)?.[1]?.trim() ?? '')?.[1];
  const name = field('NAME');
  const version = field('VERSION_ID');
  if (name && version) return `${name} ${version}`;
  return field('PRETTY_NAME') || undefined;
}

/**
 * os-family and os-version [FPH gov-client-user-agent: "Windows or MacOS", "10 or 10.15.7"].
 * Windows reports its build ("10.0.22631"), macOS its product version ("14.5"), Linux its
 * distribution ("Debian GNU/Linux 12"), each falling back to the kernel release.
 */
export async function probeOperatingSystem(io: ProbeIo): Promise<OperatingSystemFacts> {
  switch (io.platform) {
    case 'win32':
      return { family: 'Windows', version: io.release };
    case 'darwin': {
      const product = (await io.run('sw_vers', ['-productVersion']))?.trim();
      return { family: 'MacOS', version: product || `Darwin ${io.release}` };
    }
    case 'linux': {
      const distro =
        osReleaseVersion(await io.readFile('/etc/os-release')) ??
        osReleaseVersion(await io.readFile('/usr/lib/os-release'));
      return { family: 'Linux', version: distro ?? io.release };
    }
    default:
      return { family: io.type, version: io.release };
  }
}
