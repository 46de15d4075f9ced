import type { NetworkAddressFacts } from './machine-facts';

const ALL_ZERO_MAC = /^(?:00[:-]){5}00$/;

/**
 * Gov-Client-Local-IPs: "all local IPv4 and IPv6 addresses available to the originating
 * device" [FPH gov-client-local-ips]. Loopback addresses (127.0.0.1, ::1) are the same on
 * every computer and identify nothing, so they are left out whenever the device has any other
 * address; a device with no network at all reports its loopback addresses rather than nothing.
 * The zone index of a link-local IPv6 address (`fe80::1%eth0`) is an interface name, not part
 * of the address, so it is dropped.
 */
export function localIpAddresses(addresses: readonly NetworkAddressFacts[]): string[] {
  const external = addresses.filter((a) => !a.internal);
  const chosen = external.length > 0 ? external : addresses;
  return unique(chosen.map((a) => a.address.split('%')[0] ?? a.address).filter((a) => a !== ''));
}

/**
 * Gov-Client-MAC-Addresses: every MAC address of the device [FPH gov-client-mac-addresses],
 * lower case, once each, without the all-zero address that loopback and some virtual
 * interfaces report (it is not a hardware address).
 */
export function macAddresses(addresses: readonly NetworkAddressFacts[]): string[] {
  return unique(
    addresses
      .map((a) => a.mac.trim().toLowerCase())
      .filter((mac) => mac !== '' && !ALL_ZERO_MAC.test(mac)),
  );
}

const unique = (values: string[]): string[] => [...new Set(values)];
