import "server-only";
import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import ipaddr from "ipaddr.js";

const SNIPPET_BYTES = 512;

export type PostResult = { status: number; latencyMs: number; snippet: string };

export class RefusedAddress extends Error {}

/** Whether an address is on the public internet: loopback, private, link-local and the like are not. */
function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  return ipaddr.process(address).range() === "unicast";
}

// The address is checked where the connection resolves it, so a name that resolves to a public address when
// checked and to a private one when connecting (DNS rebinding) is still refused.
function guardedLookup(allowPrivate: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, "", 0);
      const refused = addresses.find((a) => !allowPrivate && !isPublicAddress(a.address));
      if (refused) {
        return callback(
          new RefusedAddress(`${hostname} resolves to a private address (${refused.address})`),
          "",
          0,
        );
      }
      if (options.all) return callback(null, addresses as never, 0);
      const [first] = addresses;
      return callback(null, first?.address ?? "", first?.family ?? 4);
    });
  };
}

/**
 * POSTs a body and reads the start of the answer. Redirects are never followed (a 3xx is the answer), private
 * addresses are refused unless allowed, and the whole exchange is bounded by `timeoutMs`.
 */
export function safePost(
  url: URL,
  headers: Record<string, string>,
  body: string,
  options: { allowPrivate: boolean; timeoutMs: number },
): Promise<PostResult> {
  const started = performance.now();
  const literal = url.hostname.replace(/^\[|\]$/g, "");
  if (ipaddr.isValid(literal) && !options.allowPrivate && !isPublicAddress(literal)) {
    return Promise.reject(new RefusedAddress(`${literal} is a private address`));
  }
  const client = url.protocol === "https:" ? https : http;
  return new Promise((resolve, reject) => {
    const req = client.request(url, {
      method: "POST",
      headers: { ...headers, "content-length": Buffer.byteLength(body) },
      lookup: guardedLookup(options.allowPrivate),
      timeout: options.timeoutMs,
    });
    req.on("timeout", () => req.destroy(new Error(`no answer within ${options.timeoutMs} ms`)));
    req.on("error", reject);
    req.on("response", (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on("data", (chunk: Buffer) => {
        if (size < SNIPPET_BYTES) chunks.push(chunk);
        size += chunk.length;
      });
      res.on("error", reject);
      res.on("end", () =>
        resolve({
          status: res.statusCode ?? 0,
          latencyMs: Math.round(performance.now() - started),
          snippet: Buffer.concat(chunks).subarray(0, SNIPPET_BYTES).toString("utf8"),
        }),
      );
    });
    req.end(body);
  });
}
