// Headers for every response; proxy.ts applies them. No "server-only": the proxy bundle cannot take it.

export function newNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(18))).toString("base64");
}

/**
 * Scripts run only with this response's nonce (and what they load, through 'strict-dynamic'). Inline styles
 * stay allowed: Next and Radix set style attributes, and a style cannot run code.
 */
export function contentSecurityPolicy(nonce: string, options: { dev: boolean; https: boolean }): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "media-src 'self' blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "frame-src 'none'",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "object-src 'none'",
    ...(options.https ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}

export function applySecurityHeaders(headers: Headers, csp: string): void {
  headers.set("Content-Security-Policy", csp);
  headers.set("Strict-Transport-Security", "max-age=63072000; includeSubDomains");
  headers.set("X-Content-Type-Options", "nosniff");
  headers.set("X-Frame-Options", "DENY");
  // Not no-referrer: with it, browsers send "Origin: null" on POSTs and Next refuses every server action.
  headers.set("Referrer-Policy", "strict-origin-when-cross-origin");
  headers.set(
    "Permissions-Policy",
    "camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()",
  );
  headers.set("Cross-Origin-Opener-Policy", "same-origin");
}

/** The same headers for answers sent outside Next (the app server's webhook and media fast paths). */
export const API_SECURITY_HEADERS: Readonly<Record<string, string>> = (() => {
  const headers = new Headers();
  applySecurityHeaders(headers, "default-src 'none'; frame-ancestors 'none'");
  return Object.fromEntries(headers);
})();
