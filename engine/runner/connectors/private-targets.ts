/**
 * Which addresses the `http` connector may reach. A model's URL is written by any analyst (or comes
 * from another regency's pack, or from a variable a citizen typed), so by default the connector
 * refuses loopback, private, link-local (cloud metadata at 169.254.169.254), carrier-grade NAT,
 * unique-local and other non-public addresses: it would otherwise reach the server's own admin
 * ports, Redis, PostgreSQL and the intranet behind it. The check runs on the resolved address, and
 * the connection goes to exactly the address checked (no second lookup a DNS rebinding could
 * change), on the first request and on every redirect.
 *
 * The operator opens intranet services: a host listed in ALUR_HTTP_ALLOW (API.md), or an entry of
 * ALUR_HTTP_ALLOW_PRIVATE — a host name, an IP address or a CIDR range, for every tenant, or for one
 * tenant when written `tenant=entry` (`10.20.0.0/16, batang=simpeg.batang.local`).
 */
import { BlockList, isIP } from 'node:net';
import { lookup } from 'node:dns/promises';

/** Ranges that are not the public internet (IANA special-purpose registries, IPv4 and IPv6). */
const NON_PUBLIC: [string, number, 'ipv4' | 'ipv6'][] = [
  ['0.0.0.0', 8, 'ipv4'], ['10.0.0.0', 8, 'ipv4'], ['100.64.0.0', 10, 'ipv4'], ['127.0.0.0', 8, 'ipv4'],
  ['169.254.0.0', 16, 'ipv4'], ['172.16.0.0', 12, 'ipv4'], ['192.0.0.0', 24, 'ipv4'], ['192.0.2.0', 24, 'ipv4'],
  ['192.88.99.0', 24, 'ipv4'], ['192.168.0.0', 16, 'ipv4'], ['198.18.0.0', 15, 'ipv4'], ['198.51.100.0', 24, 'ipv4'],
  ['203.0.113.0', 24, 'ipv4'], ['224.0.0.0', 4, 'ipv4'], ['240.0.0.0', 4, 'ipv4'],
  ['::', 128, 'ipv6'], ['::1', 128, 'ipv6'], ['64:ff9b::', 96, 'ipv6'], ['64:ff9b:1::', 48, 'ipv6'], ['100::', 64, 'ipv6'],
  ['2001::', 23, 'ipv6'], ['2001:db8::', 32, 'ipv6'], ['2002::', 16, 'ipv6'], ['fc00::', 7, 'ipv6'], ['fe80::', 10, 'ipv6'], ['ff00::', 8, 'ipv6'],
];

const nonPublic = new BlockList();
for (const [net, prefix, type] of NON_PUBLIC) nonPublic.addSubnet(net, prefix, type);

/** True for an address outside the public internet (an IPv4-mapped IPv6 address counts as its IPv4). */
export function isNonPublicAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return true;
  return nonPublic.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

interface Openings { hosts: Set<string>; ranges: BlockList }

/** The operator's openings, global and per tenant. */
export class PrivateTargets {
  private readonly global: Openings = openings();
  private readonly perTenant = new Map<string, Openings>();

  /** `entries`: ALUR_HTTP_ALLOW_PRIVATE's items; `allowHosts`: ALUR_HTTP_ALLOW's (listed hosts are opened too, as API.md says). */
  constructor(entries: string[] = [], allowHosts: string[] = []) {
    for (const host of allowHosts) this.add(this.global, host.replace(/:\d+$/, ''));
    for (const raw of entries) {
      const entry = raw.trim();
      if (!entry) continue;
      const eq = entry.indexOf('=');
      if (eq < 0) { this.add(this.global, entry); continue; }
      const tenant = entry.slice(0, eq).trim();
      let own = this.perTenant.get(tenant);
      if (!own) this.perTenant.set(tenant, (own = openings()));
      this.add(own, entry.slice(eq + 1).trim());
    }
  }

  private add(to: Openings, entry: string): void {
    const slash = entry.indexOf('/');
    const address = slash < 0 ? entry : entry.slice(0, slash);
    const family = isIP(address.replace(/^\[|\]$/g, ''));
    if (family === 0) { to.hosts.add(entry.toLowerCase()); return; }
    const prefix = slash < 0 ? (family === 4 ? 32 : 128) : Number(entry.slice(slash + 1));
    to.ranges.addSubnet(address.replace(/^\[|\]$/g, ''), prefix, family === 4 ? 'ipv4' : 'ipv6');
  }

  /** Whether `tenant` may reach `address` (resolved from `host`) although it is not public. */
  opened(tenant: string, host: string, address: string): boolean {
    const family = isIP(address) === 4 ? 'ipv4' : 'ipv6';
    return [this.global, this.perTenant.get(tenant)].some((o) => !!o && (o.hosts.has(host.toLowerCase()) || o.ranges.check(address, family)));
  }
}

function openings(): Openings {
  return { hosts: new Set(), ranges: new BlockList() };
}

/** Parses ALUR_HTTP_ALLOW_PRIVATE's entries, refusing one that is neither a host, an address nor a CIDR range (at start-up). */
export function parsePrivateAllow(raw: string | undefined): string[] | undefined {
  const entries = (raw ?? '').split(',').map((e) => e.trim()).filter(Boolean);
  for (const entry of entries) {
    const target = entry.includes('=') ? entry.slice(entry.indexOf('=') + 1).trim() : entry;
    const [address, prefix] = target.split('/');
    const family = isIP(address);
    const prefixOk = prefix === undefined || (/^\d+$/.test(prefix) && Number(prefix) <= (family === 6 ? 128 : 32) && family !== 0);
    const hostOk = family !== 0 || /^[a-z0-9.-]+$/i.test(target);
    if (!prefixOk || !hostOk) throw new Error(`ALUR_HTTP_ALLOW_PRIVATE: ${JSON.stringify(entry)} is not a host name, an IP address or a CIDR range`);
  }
  return entries.length ? entries : undefined;
}

/**
 * Resolves `host` and returns the addresses to connect to, or throws when it is not public and not
 * opened for the tenant. Every address the name resolves to must pass (a name answering one public
 * and one private address is refused), so the choice among them cannot be steered.
 */
export async function checkedAddresses(host: string, tenant: string, targets: PrivateTargets): Promise<CheckedAddress[]> {
  const bare = host.replace(/^\[|\]$/g, '');
  const literal = isIP(bare);
  const resolved = literal ? [{ address: bare, family: literal }] : await lookup(bare, { all: true, verbatim: true });
  if (resolved.length === 0) throw new Error(`http connector: host ${host} did not resolve`);
  for (const { address } of resolved) {
    if (isNonPublicAddress(address) && !targets.opened(tenant, bare, address)) {
      throw new Error(`http connector: host ${host} is a loopback, private or link-local address (${address}); the operator opens intranet services in ALUR_HTTP_ALLOW_PRIVATE`);
    }
  }
  return resolved.map(({ address, family }) => ({ address, family: family === 6 ? 6 : 4 }));
}

export interface CheckedAddress { address: string; family: 4 | 6 }
