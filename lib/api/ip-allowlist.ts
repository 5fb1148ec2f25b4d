import ipaddr from "ipaddr.js";

// A key's IP allowlist: CIDR ranges (a bare address is its own /32 or /128). IPv4-mapped IPv6 addresses are
// judged as their IPv4 address (ipaddr.process), as lib/auth/client-ip.ts stores them.

/** The range in canonical form, or null when the text is not an address or CIDR range. */
export function normalizeCidr(text: string): string | null {
  const value = text.trim();
  try {
    if (value.includes("/")) {
      const [address, bits] = ipaddr.parseCIDR(value);
      const canonical = address.kind() === "ipv6" ? address.toNormalizedString() : address.toString();
      return `${canonical}/${bits}`;
    }
    if (!ipaddr.isValid(value)) return null;
    const address = ipaddr.process(value);
    return `${address.toString()}/${address.kind() === "ipv6" ? 128 : 32}`;
  } catch {
    return null;
  }
}

/** Whether the client's address lies in one of the ranges; an empty list allows every address. */
export function ipAllowed(ip: string | null, ranges: readonly string[]): boolean {
  if (!ranges.length) return true;
  if (!ip || !ipaddr.isValid(ip)) return false;
  const address = ipaddr.process(ip);
  return ranges.some((range) => {
    const [base, bits] = ipaddr.parseCIDR(range);
    return base.kind() === address.kind() && address.match(base, bits);
  });
}
