// Published advisories that matter to this stack, for the offline dependency check (lockfile-advisories.test.ts),
// which needs no network: `npm audit` cannot reach its endpoint on every machine that runs the tests.
//
// This is not the whole advisory database. It holds what was reviewed for the packages we ship and build with
// (the framework, auth, mail, crypto, database and test tooling, and their runtime dependencies), so that a
// downgrade, a lockfile regenerated from an old cache, or a dependency that pins an affected version fails here
// on any machine. Add an entry whenever `npm audit` (where it works), GitHub's advisory database or a release
// note names a new one for a package in package-lock.json; keep `vulnerable` exactly as the advisory states it.

type Severity = "low" | "moderate" | "high" | "critical";

export type KnownAdvisory = {
  /** GHSA id, or the CVE when no GHSA was published. */
  id: string;
  package: string;
  /** A semver range, as the advisory gives its affected versions. */
  vulnerable: string;
  severity: Severity;
  summary: string;
  url: string;
};

/** When this list was last compared with the advisory database. */
export const ADVISORIES_REVIEWED_ON = "2026-12-01";

const ghsa = (id: string) => `https://github.com/advisories/${id}`;

export const KNOWN_ADVISORIES: readonly KnownAdvisory[] = [
  // Framework
  {
    id: "GHSA-f82v-jwr5-mffw",
    package: "next",
    vulnerable: ">=11.1.4 <12.3.5 || >=13.0.0 <13.5.9 || >=14.0.0 <14.2.25 || >=15.0.0 <15.2.3",
    severity: "critical",
    summary: "Authorization bypass: x-middleware-subrequest skips middleware",
    url: ghsa("GHSA-f82v-jwr5-mffw"),
  },
  {
    id: "GHSA-9qr9-h5gf-34mp",
    package: "next",
    vulnerable:
      ">=15.0.0 <15.0.5 || >=15.1.0 <15.1.9 || >=15.2.0 <15.2.6 || >=15.3.0 <15.3.6 || >=15.4.0 <15.4.8 || >=15.5.0 <15.5.7 || >=16.0.0 <16.0.7",
    severity: "critical",
    summary: "Remote code execution through the React Server Components protocol (React2Shell)",
    url: ghsa("GHSA-9qr9-h5gf-34mp"),
  },
  {
    id: "GHSA-wfc6-r584-vfw7",
    package: "next",
    vulnerable: ">=14.2.0 <15.5.16 || >=16.0.0 <16.2.5",
    severity: "moderate",
    summary: "Cache poisoning of React Server Component responses",
    url: ghsa("GHSA-wfc6-r584-vfw7"),
  },
  {
    id: "GHSA-vfv6-92ff-j949",
    package: "next",
    vulnerable: ">=13.4.6 <15.5.16 || >=16.0.0 <16.2.5",
    severity: "low",
    summary: "Cache poisoning through collisions in the RSC cache-busting value",
    url: ghsa("GHSA-vfv6-92ff-j949"),
  },
  ...["react-server-dom-webpack", "react-server-dom-turbopack", "react-server-dom-parcel"].map((name) => ({
    id: "GHSA-fv66-9v8q-g76r",
    package: name,
    vulnerable: ">=19.0.0 <19.0.1 || >=19.1.0 <19.1.2 || >=19.2.0 <19.2.1",
    severity: "critical" as const,
    summary: "Remote code execution in React Server Components (CVE-2025-55182)",
    url: ghsa("GHSA-fv66-9v8q-g76r"),
  })),
  {
    id: "GHSA-968p-4wvh-cqc8",
    package: "@babel/runtime",
    vulnerable: "<7.26.10 || >=8.0.0-alpha.0 <8.0.0-alpha.17",
    severity: "moderate",
    summary: "Inefficient regular expression in generated code for named capture groups",
    url: ghsa("GHSA-968p-4wvh-cqc8"),
  },
  {
    id: "GHSA-7fh5-64p2-3v2j",
    package: "postcss",
    vulnerable: "<8.4.31",
    severity: "moderate",
    summary: "Line return parsing error",
    url: ghsa("GHSA-7fh5-64p2-3v2j"),
  },
  {
    id: "GHSA-mwcw-c2x4-8c55",
    package: "nanoid",
    vulnerable: "<3.3.8 || >=4.0.0 <5.0.9",
    severity: "moderate",
    summary: "Predictable results when given non-integer values",
    url: ghsa("GHSA-mwcw-c2x4-8c55"),
  },
  // Sign-in and sessions
  {
    id: "GHSA-xv97-c62v-4587",
    package: "next-auth",
    vulnerable: "<3.29.10 || >=4.0.0 <4.10.3",
    severity: "critical",
    summary: "Verification requests sent to unwanted email addresses",
    url: ghsa("GHSA-xv97-c62v-4587"),
  },
  {
    id: "GHSA-pgjx-7f9g-9463",
    package: "next-auth",
    vulnerable: "<3.29.8 || >=4.0.0 <4.9.0",
    severity: "high",
    summary: "Improper handling of email input (HTML in sign-in emails)",
    url: ghsa("GHSA-pgjx-7f9g-9463"),
  },
  {
    id: "GHSA-hhhv-q57g-882q",
    package: "jose",
    vulnerable: "<2.0.7 || >=3.0.0 <4.15.5",
    severity: "moderate",
    summary: "Resource exhaustion through crafted JWE",
    url: ghsa("GHSA-hhhv-q57g-882q"),
  },
  {
    id: "GHSA-pxg6-pf52-xh8x",
    package: "cookie",
    vulnerable: "<0.7.0",
    severity: "low",
    summary: "Cookie name, path and domain accept out-of-bounds characters",
    url: ghsa("GHSA-pxg6-pf52-xh8x"),
  },
  {
    id: "GHSA-w5hq-g745-h8pq",
    package: "uuid",
    vulnerable: "<11.1.1 || >=12.0.0 <12.0.1 || >=13.0.0 <13.0.1",
    severity: "moderate",
    summary: "Missing buffer bounds check in v3/v5/v6 when a buffer is given",
    url: ghsa("GHSA-w5hq-g745-h8pq"),
  },
  // Mail
  {
    id: "GHSA-p6gq-j5cr-w38f",
    package: "nodemailer",
    vulnerable: "<=9.0.0",
    severity: "high",
    summary: "Message-level raw option bypasses disableFileAccess/disableUrlAccess (file read, SSRF)",
    url: ghsa("GHSA-p6gq-j5cr-w38f"),
  },
  {
    id: "GHSA-vvjj-xcjg-gr5g",
    package: "nodemailer",
    vulnerable: "<=8.0.4",
    severity: "moderate",
    summary: "SMTP command injection through CRLF in the transport name (EHLO/HELO)",
    url: ghsa("GHSA-vvjj-xcjg-gr5g"),
  },
  {
    id: "GHSA-c7w3-x93f-qmm8",
    package: "nodemailer",
    vulnerable: "<8.0.4",
    severity: "low",
    summary: "SMTP command injection through an unsanitised envelope.size",
    url: ghsa("GHSA-c7w3-x93f-qmm8"),
  },
  {
    id: "GHSA-mm7p-fcc7-pg87",
    package: "nodemailer",
    vulnerable: "<7.0.7",
    severity: "moderate",
    summary: "Email sent to an unintended domain (address parsing interpretation conflict)",
    url: ghsa("GHSA-mm7p-fcc7-pg87"),
  },
  {
    id: "CVE-2026-38728",
    package: "smtp-server",
    vulnerable: "<3.18.3",
    severity: "high",
    summary: "Memory exhaustion from data without line breaks (the development mail catcher)",
    url: "https://nvd.nist.gov/vuln/detail/CVE-2026-38728",
  },
  // Input validation and parsing
  {
    id: "GHSA-m95q-7qp3-xv42",
    package: "zod",
    vulnerable: "<=3.22.2",
    severity: "moderate",
    summary: "Denial of service through the email validation regular expression",
    url: ghsa("GHSA-m95q-7qp3-xv42"),
  },
  {
    id: "GHSA-3xq5-wjfh-ppjc",
    package: "luxon",
    vulnerable: "<1.28.1 || >=2.0.0 <2.5.2 || >=3.0.0 <3.2.1",
    severity: "high",
    summary: "Inefficient regular expression in DateTime.fromRFC2822",
    url: ghsa("GHSA-3xq5-wjfh-ppjc"),
  },
  {
    id: "GHSA-fjxv-7rqg-78g4",
    package: "form-data",
    vulnerable: "<2.5.4 || >=3.0.0 <3.0.4 || >=4.0.0 <4.0.4",
    severity: "critical",
    summary: "Predictable multipart boundary (Math.random)",
    url: ghsa("GHSA-fjxv-7rqg-78g4"),
  },
  // Build and test tooling
  {
    id: "GHSA-9crc-q9x8-hgqq",
    package: "vitest",
    vulnerable: ">=1.0.0 <1.6.1 || >=2.0.0 <2.1.9 || >=3.0.0 <3.0.5",
    severity: "critical",
    summary: "Remote code execution when the API server listens and a malicious site is visited",
    url: ghsa("GHSA-9crc-q9x8-hgqq"),
  },
  {
    id: "GHSA-7mvr-c777-76hp",
    package: "playwright",
    vulnerable: "<1.55.1",
    severity: "high",
    summary: "Browser downloads without certificate verification",
    url: ghsa("GHSA-7mvr-c777-76hp"),
  },
  {
    id: "GHSA-67mh-4wv8-2f99",
    package: "esbuild",
    vulnerable: "<=0.24.2",
    severity: "moderate",
    summary: "The development server answers any website's requests",
    url: ghsa("GHSA-67mh-4wv8-2f99"),
  },
  {
    id: "GHSA-3xgq-45jj-v275",
    package: "cross-spawn",
    vulnerable: "<6.0.6 || >=7.0.0 <7.0.5",
    severity: "high",
    summary: "Inefficient regular expression",
    url: ghsa("GHSA-3xgq-45jj-v275"),
  },
];
