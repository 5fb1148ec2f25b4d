import "server-only";
import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import http, { type IncomingMessage } from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import { addressKind, ipLiteral, isPublicAddress } from "@/lib/media/media-hosts";

/** The host resolved to an address downloads may not reach; the message says which, for staff. */
export class AddressRefused extends Error {}

// A name must resolve to public addresses only; Node connects to the address checked here, so DNS cannot
// answer differently between the check and the connection. A listed IP literal is not looked up: listing
// it is what allows it, private or not.
const publicOnlyLookup: LookupFunction = (hostname, options, callback) => {
  dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
    if (error) return callback(error, "", 0);
    const bad = addresses.find((a) => !isPublicAddress(a.address));
    if (bad) {
      const kind = addressKind(bad.address);
      const message = `The recording host ${hostname} resolves to ${bad.address} (${kind} address), which downloads may not reach. An internal host must be listed by its address in MARKID_MEDIA_HOSTS.`;
      return callback(new AddressRefused(message), "", 0);
    }
    if (options.all) return callback(null, addresses);
    callback(null, addresses[0]!.address, addresses[0]!.family);
  });
};

/** One GET, no redirect followed, no connection reused, to public addresses only (or a listed IP). */
export function get(url: URL, signal: AbortSignal): Promise<IncomingMessage> {
  const transport = url.protocol === "https:" ? https : http;
  return new Promise((resolve, reject) => {
    const request = transport.request(
      url,
      {
        signal,
        agent: false,
        lookup: ipLiteral(url.hostname) ? undefined : publicOnlyLookup,
        headers: { accept: "*/*", "accept-encoding": "identity" },
      },
      resolve,
    );
    request.on("error", reject);
    request.end();
  });
}
