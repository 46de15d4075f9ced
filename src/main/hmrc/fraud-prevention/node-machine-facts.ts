import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { networkInterfaces, release, type as osType, userInfo } from 'node:os';
import type { MachineFacts, NetworkAddressFacts, OsUserFacts } from './machine-facts';
import { probeDeviceIdentity, probeOperatingSystem, type ProbeIo } from './probe-device-identity';

const COMMAND_TIMEOUT_MS = 10_000;

const nodeProbeIo: ProbeIo = {
  platform: process.platform,
  release: release(),
  type: osType(),
  readFile: (path) => readFile(path, 'utf8').catch(() => undefined),
  run: (command, args) =>
    new Promise((resolve) => {
      execFile(
        command,
        args,
        { timeout: COMMAND_TIMEOUT_MS, windowsHide: true, encoding: 'utf8' },
        (error, stdout) => resolve(error ? undefined : stdout),
      );
    }),
};

/**
 * os.userInfo() throws when the account has no passwd entry (some containers); the login
 * environment variables are the next best source. On Windows, USERDOMAIN is the domain of a
 * domain account and the computer name of a local one, which is what `whoami` prints.
 */
function osUser(): OsUserFacts | undefined {
  let name: string | undefined;
  try {
    name = userInfo().username;
  } catch {
    name = process.env.USER ?? process.env.USERNAME ?? process.env.LOGNAME;
  }
  if (!name) return undefined;
  const domain = process.platform === 'win32' ? process.env.USERDOMAIN : undefined;
  return domain ? { name, domain } : { name };
}

/**
 * The real machine, read through Node: used by the desktop app and the browser host. The OS
 * and hardware identity cannot change while the app runs, so they are read once; everything
 * else is read each time it is asked for.
 */
export function nodeMachineFacts(io: ProbeIo = nodeProbeIo): MachineFacts {
  let os: ReturnType<MachineFacts['operatingSystem']> | undefined;
  let device: ReturnType<MachineFacts['deviceIdentity']> | undefined;
  return {
    osUser,
    networkAddresses: (): NetworkAddressFacts[] =>
      Object.values(networkInterfaces()).flatMap((list) =>
        (list ?? []).map((a) => ({
          address: a.address,
          family: a.family,
          mac: a.mac,
          internal: a.internal,
        })),
      ),
    timezoneOffsetMinutes: (at) => -at.getTimezoneOffset(),
    operatingSystem: () => (os ??= probeOperatingSystem(io)),
    deviceIdentity: () => (device ??= probeDeviceIdentity(io)),
  };
}
