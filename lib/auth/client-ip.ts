// Which address a request came from, for the login throttle and the audit trail. X-Forwarded-For is whatever
// the client wrote, except for the hops our own reverse proxies appended; TRUSTED_PROXIES says which those are.
// With none configured, the address is the socket's peer and the header is ignored.
import { BlockList, isIP } from "node:net";

export type TrustedProxies =
  | { kind: "none" }
  /** This many reverse proxies stand in front of the app, each appending the address it saw. */
  | { kind: "hops"; count: number }
  /** A hop is ours when its address lies in one of these ranges. */
  | { kind: "ranges"; ranges: BlockList; text: string };

const NO_TRUSTED_PROXIES: TrustedProxies = { kind: "none" };
const MAX_HOPS = 20;

/** The address as stored: IPv4-mapped IPv6 unwrapped, brackets dropped; null unless it is an IP address. */
export function normalizeIp(value: string | null | undefined): string | null {
  if (!value) return null;
  let text = value.trim().toLowerCase();
  if (text.startsWith("[") && text.endsWith("]")) text = text.slice(1, -1);
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(text);
  if (mapped) text = mapped[1]!;
  return isIP(text) ? text : null;
}

function family(ip: string): "ipv4" | "ipv6" {
  return isIP(ip) === 6 ? "ipv6" : "ipv4";
}

/**
 * TRUSTED_PROXIES: unset, empty, "none" or "0" for none; a number of hops (1-20); or a comma-separated list
 * of addresses and CIDR ranges (`10.0.0.0/8, 2001:db8::/32, 192.0.2.7`). Throws a message naming the bad part.
 */
export function parseTrustedProxies(value: string | undefined): TrustedProxies {
  const text = value?.trim() ?? "";
  if (text === "" || text.toLowerCase() === "none" || text === "0") return NO_TRUSTED_PROXIES;
  if (/^\d+$/.test(text)) {
    const count = Number(text);
    if (count > MAX_HOPS) throw new Error(`must be at most ${MAX_HOPS} hops`);
    return { kind: "hops", count };
  }
  const ranges = new BlockList();
  for (const part of text.split(",").map((p) => p.trim())) {
    const [address, prefix, extra] = part.split("/");
    const ip = normalizeIp(address);
    const bits = prefix === undefined ? null : /^\d{1,3}$/.test(prefix) ? Number(prefix) : NaN;
    const max = ip && family(ip) === "ipv6" ? 128 : 32;
    if (!ip || extra !== undefined || (bits !== null && !(bits >= 0 && bits <= max))) {
      throw new Error(`"${part}" is not an IP address or CIDR range (use a hop count, "none", or a list)`);
    }
    if (bits === null) ranges.addAddress(ip, family(ip));
    else ranges.addSubnet(ip, bits, family(ip));
  }
  return { kind: "ranges", ranges, text };
}

/**
 * The client's address: starting from the socket's peer, step back through X-Forwarded-For only past hops
 * that are our own proxies. An entry that is not an address stops the walk at the proxy that wrote it.
 */
export function resolveClientIp(
  peer: string | null | undefined,
  forwardedFor: string | null | undefined,
  trusted: TrustedProxies,
): string | null {
  let client = normalizeIp(peer);
  if (!client || trusted.kind === "none") return client;
  const hops = (forwardedFor ?? "")
    .split(",")
    .map((h) => h.trim())
    .filter(Boolean);
  for (let stepped = 0; hops.length > 0; stepped++) {
    const ours =
      trusted.kind === "hops" ? stepped < trusted.count : trusted.ranges.check(client, family(client));
    if (!ours) break;
    const previous = normalizeIp(hops.pop());
    if (!previous) break;
    client = previous;
  }
  return client;
}
