// Where recording links may lead (MARKID_MEDIA_HOSTS), and which addresses a download may connect to. Pure:
// lib/env.ts validates the list with it at start-up, and lib/markid/download.ts applies it to every hop.
import ipaddr from "ipaddr.js";

/**
 * One entry per origin, separated by commas or spaces: `media.example.com` or `https://media.example.com:8443`
 * (https), or `http://127.0.0.1:4010`, which allows plain http to exactly that origin. Plain http is refused in
 * production unless the host is a loopback address. No paths, wildcards or credentials.
 */
export function parseMediaHosts(
  text: string,
  production: boolean,
): { origins: string[]; problems: string[] } {
  const origins: string[] = [];
  const problems: string[] = [];
  for (const entry of text.split(/[\s,]+/).filter(Boolean)) {
    const problem = entryProblem(entry, production);
    if (problem) problems.push(`"${entry}" ${problem}`);
    else origins.push(new URL(withScheme(entry)).origin);
  }
  if (origins.length === 0 && problems.length === 0) problems.push("lists no host");
  return { origins: [...new Set(origins)], problems };
}

const withScheme = (entry: string) => (entry.includes("://") ? entry : `https://${entry}`);

function entryProblem(entry: string, production: boolean): string | null {
  if (entry.includes("*")) return "has a wildcard: list each host";
  let url: URL;
  try {
    url = new URL(withScheme(entry));
  } catch {
    return "is not a host or origin";
  }
  if (url.protocol !== "https:" && url.protocol !== "http:")
    return "must be https:// (or http:// for loopback)";
  if (url.username || url.password) return "must not carry credentials";
  if (url.pathname !== "/" || url.search || url.hash) return "must be a host or origin, without a path";
  if (url.protocol === "http:" && production && !isLoopback(url.hostname))
    return "uses http://, allowed in production only for a loopback address";
  return null;
}

/** The default: MarkID's own API host, over https. */
export function defaultMediaOrigin(apiUrl: string): string {
  return `https://${new URL(apiUrl).host}`;
}

/** An IP literal as written in a URL's hostname (IPv6 in brackets), or null for a name. */
export function ipLiteral(hostname: string): string | null {
  const bare = hostname.startsWith("[") && hostname.endsWith("]") ? hostname.slice(1, -1) : hostname;
  return ipaddr.isValid(bare) ? bare : null;
}

function isLoopback(hostname: string): boolean {
  const ip = ipLiteral(hostname);
  return ip !== null && ipaddr.process(ip).range() === "loopback";
}

/**
 * Whether a download may connect to this address: only public unicast. Private, loopback, link-local (cloud
 * metadata), unique-local, carrier-grade NAT, multicast, reserved and the IPv6 forms that embed an IPv4
 * address (mapped, NAT64, 6to4, Teredo) are all refused; an IPv4-mapped address is judged as its IPv4.
 */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  return ipaddr.process(address).range() === "unicast";
}

const KIND: Record<string, string> = {
  linkLocal: "link-local",
  uniqueLocal: "unique-local",
  carrierGradeNat: "carrier-grade NAT",
  rfc6052: "NAT64",
  "6to4": "6to4",
};

/** What an address is, for the message staff read when a download is refused. */
export function addressKind(address: string): string {
  if (!ipaddr.isValid(address)) return "invalid";
  const range = ipaddr.process(address).range();
  return KIND[range] ?? range;
}
