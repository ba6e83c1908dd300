import ipaddr from 'ipaddr.js';
import dns from 'node:dns';

/**
 * True only for globally routable unicast addresses. Parsing is ipaddr.js's (every IPv4 and IPv6
 * spelling), and the rule is an allow-list: IPv4 must be in no special range (loopback, private,
 * link-local and cloud metadata, CGNAT, reserved, multicast, …); IPv6 must be plain global unicast
 * (2000::/3 and no special range), which leaves out loopback, unique-local, link-local, site-local
 * (fec0::/10), NAT64 (64:ff9b::/96, 64:ff9b:1::/48), 6to4, Teredo and the IPv4-compatible ::/96.
 * IPv4-mapped addresses (::ffff:a.b.c.d) reach the IPv4 host, so they are judged as that host.
 */
export function isPublicAddress(ip: string): boolean {
  let parsed: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    parsed = ipaddr.parse(ip);
  } catch {
    return false;
  }
  if (parsed.kind() === 'ipv6') {
    const v6 = parsed as ipaddr.IPv6;
    if (v6.isIPv4MappedAddress()) return v6.toIPv4Address().range() === 'unicast';
    const [first = 0] = v6.parts;
    return v6.range() === 'unicast' && (first & 0xe000) === 0x2000;
  }
  return parsed.range() === 'unicast';
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | dns.LookupAddress[], family?: number) => void;

/**
 * The agents' `lookup`: resolves, refuses the host when ANY address is not public, and hands the
 * socket only the addresses it checked. The socket connects to what this returns, so a DNS answer
 * that changes between check and connect (rebinding) cannot reach an internal address.
 */
export function publicOnlyLookup(hostname: string, options: dns.LookupOptions, callback: LookupCallback): void {
  dns.lookup(hostname, { ...options, all: true }, (err, addresses) => {
    if (err) return callback(err, []);
    const bad = addresses.find((a) => !isPublicAddress(a.address));
    if (bad || addresses.length === 0) {
      const e = new Error(
        `host "${hostname}" resolves to a non-public address; add it to ROLECALL_ALLOWED_HOSTS if it is trusted.`,
      ) as NodeJS.ErrnoException;
      e.code = 'ERR_HOST_NOT_ALLOWED';
      return callback(e, []);
    }
    if (options.all) return callback(null, addresses);
    const first = addresses[0] as dns.LookupAddress;
    callback(null, first.address, first.family);
  });
}
