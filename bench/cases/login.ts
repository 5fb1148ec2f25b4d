// (d) Sign-in through next-auth's credentials callback, as the login form posts it, against node:http that
// only looks the user up and verifies the argon2id hash: the hash is the floor no sign-in can go below.
import type autocannon from "autocannon";
import { startBaseline } from "../baselines/launch";
import { DATASET_STAFF_DOMAIN, DATASET_STAFF_PASSWORD } from "../support/config";
import { measure, ratio, type Load } from "../support/measure";
import { credentialsRequest, csrf } from "../support/session";
import { check, type BenchContext, type CaseResult } from "./types";

// At most 5 sign-ins of one account may be in flight, or the account lock (5 attempts) could trip; four
// connections over four accounts also keep both cores busy hashing.
const CONNECTIONS = 4;
const ACCOUNTS = [1, 2, 3, 4].map((n) => `bench-${n}@${DATASET_STAFF_DOMAIN}`);

/** Sign-in requests over the accounts in turn; `signedIn` counts answers that carried a session cookie. */
function rotating(token: string, cookie: string, signedIn: { count: number }): autocannon.Request[] {
  let n = 0;
  return [
    {
      method: "POST",
      setupRequest: (request) => {
        const email = ACCOUNTS[n++ % ACCOUNTS.length]!;
        return { ...request, ...credentialsRequest(token, cookie, email, DATASET_STAFF_PASSWORD) };
      },
      onResponse: (status, _body, _context, headers) => {
        const setCookie = String(headers?.["set-cookie"] ?? "");
        if (status === 200 && /session-token=./.test(setCookie)) signedIn.count++;
      },
    },
  ];
}

export async function benchLogin(ctx: BenchContext): Promise<CaseResult> {
  const { config } = ctx;
  const load: Load = {
    connections: CONNECTIONS,
    seconds: config.seconds,
    warmupSeconds: config.warmupSeconds,
  };
  const { token, cookie } = await csrf(config.baseUrl);
  const baseline = await startBaseline({ kind: "login", databaseUrl: config.databaseUrl });
  try {
    console.log("login: app…");
    const signedIn = { count: 0 };
    const url = `${config.baseUrl}/api/auth/callback/credentials`;
    const reset = () => void (signedIn.count = 0);
    const app = await measure({ url, requests: rotating(token, cookie, signedIn), reset }, load);
    console.log("login: baseline…");
    const base = await measure({ url: baseline.url, requests: rotating(token, cookie, { count: 0 }) }, load);
    return {
      name: "login",
      app,
      baseline: base,
      baselineLabel: "node:http + pg: user lookup and argon2id verify",
      connections: CONNECTIONS,
      ratio: { rps: ratio(app.rps, base.rps), p95: ratio(app.p95, base.p95) },
      checks: [
        check("non-2xx + errors", "0", app.non2xx + app.errors, app.non2xx + app.errors === 0),
        check("answers with a session cookie", "all", signedIn.count, signedIn.count === app.requests),
      ],
      notes: [
        "No target: argon2id (19 MiB, t=2) dominates both; the gap is next-auth, the audit and throttle rows.",
      ],
    };
  } finally {
    await baseline.stop();
  }
}
