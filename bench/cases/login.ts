// (d) The whole two-factor sign-in through next-auth's credentials callback, as the login form posts it: the
// password step (answers a sealed challenge), then the code step (a fresh TOTP code; answers the session
// cookie). Against node:http doing the same essential work: user lookup and argon2id verify, then the sealed
// key opened, the code checked and its step claimed. The figures are per sign-in, both steps.
import type autocannon from "autocannon";
import { startBaseline } from "../baselines/launch";
import { BENCH_SECRETS, DATASET_STAFF_PASSWORD, loginAccountEmail } from "../support/config";
import { measure, percentile, ratio, type Load, type Measurement } from "../support/measure";
import {
  challengeFrom,
  claimStep,
  codeAt,
  credentialsRequest,
  csrf,
  hasSessionCookie,
} from "../support/session";
import { check, type BenchContext, type CaseResult } from "./types";

// Four connections keep both cores busy hashing. Each sign-in takes an account with an unused code step (a
// code works once per account and step), so the run goes through the login accounts in turn.
const CONNECTIONS = 4;

type Tally = { challenged: number; signedIn: number; refused: number; noCode: number; times: number[] };
type SignIn = { email?: string; step?: number | null; started?: number; challenge?: string | null };
const emptyTally = (): Tally => ({ challenged: 0, signedIn: 0, refused: 0, noCode: 0, times: [] });

/** The next account in turn that still has an unused step, with that step; the next in turn when none has. */
function accountPicker(emails: string[]) {
  let next = 0;
  return (): { email: string; step: number | null } => {
    for (let tried = 0; tried < emails.length; tried++) {
      const email = emails[next++ % emails.length]!;
      const step = claimStep(email);
      if (step !== null) return { email, step };
    }
    return { email: emails[next++ % emails.length]!, step: null };
  };
}

// autocannon starts over at the first request (the password step) when setupRequest returns a falsy value.
const SKIP = null as unknown as autocannon.Request;

/** Two requests per connection in turn, the password step and the code step, counted in `tally`. */
function twoSteps(token: string, cookie: string, emails: string[], tally: Tally, cookieNeeded: boolean) {
  const pick = accountPicker(emails);
  const passwordStep: autocannon.Request = {
    method: "POST",
    setupRequest: (request, context) => {
      const signIn = Object.assign(context as SignIn, pick(), { started: performance.now() });
      const fields = { email: signIn.email!, password: DATASET_STAFF_PASSWORD };
      return { ...request, ...credentialsRequest(token, cookie, fields) };
    },
    // next-auth answers 401 with the challenge in the error, as for any error: the login form, too, reads
    // the body whatever the status.
    onResponse: (_status, body, context) => {
      const challenge = challengeFrom(body);
      (context as SignIn).challenge = challenge;
      if (challenge) tally.challenged++;
      else tally.refused++;
    },
  };
  const codeStep: autocannon.Request = {
    method: "POST",
    setupRequest: (request, context) => {
      const { email, step, challenge } = context as SignIn;
      if (!challenge) return SKIP;
      if (step === null || step === undefined) {
        tally.noCode++;
        return SKIP;
      }
      const fields = { challenge, code: codeAt(email!, step) };
      return { ...request, ...credentialsRequest(token, cookie, fields) };
    },
    onResponse: (status, _body, context, headers) => {
      const setCookie = String(headers?.["set-cookie"] ?? "");
      if (status !== 200 || (cookieNeeded && !hasSessionCookie(setCookie))) return void tally.refused++;
      tally.signedIn++;
      tally.times.push(performance.now() - (context as SignIn).started!);
    },
  };
  return [passwordStep, codeStep];
}

/** autocannon's figures are per request, both steps mixed; the report's are per completed sign-in. */
function perSignIn(raw: Measurement, tally: Tally, seconds: number): Measurement {
  const times = tally.times.sort((a, b) => a - b);
  return {
    ...raw,
    requests: tally.signedIn,
    rps: Math.round((tally.signedIn / seconds) * 10) / 10,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    p99: percentile(times, 99),
    max: percentile(times, 100),
  };
}

export async function benchLogin(ctx: BenchContext): Promise<CaseResult> {
  const { config } = ctx;
  const load: Load = {
    connections: CONNECTIONS,
    seconds: config.seconds,
    warmupSeconds: config.warmupSeconds,
  };
  const emails = Array.from({ length: config.loginAccounts }, (_, i) => loginAccountEmail(i + 1));
  const { token, cookie } = await csrf(config.baseUrl);
  const baseline = await startBaseline({
    kind: "login",
    databaseUrl: config.databaseUrl,
    sessionSecret: BENCH_SECRETS.NEXTAUTH_SECRET,
  });
  try {
    const run = async (url: string, cookieNeeded: boolean) => {
      const tally = emptyTally();
      const requests = twoSteps(token, cookie, emails, tally, cookieNeeded);
      // The hooks hold this object: it is zeroed in place between warm-up and measurement.
      const reset = () => void Object.assign(tally, emptyTally());
      const raw = await measure({ url, requests, reset }, load);
      return { raw, tally, measured: perSignIn(raw, tally, load.seconds) };
    };
    console.log("login: app…");
    const app = await run(`${config.baseUrl}/api/auth/callback/credentials`, true);
    console.log("login: baseline…");
    const base = await run(baseline.url, false);
    // Not non-2xx: each password step's answer is a 401 (see twoSteps); `refused` counts the unexpected ones.
    const failed = (r: typeof app) => r.raw.errors + r.tally.refused;
    const noCode = app.tally.noCode + base.tally.noCode;
    return {
      name: "login: password + code",
      app: app.measured,
      baseline: base.measured,
      baselineLabel:
        "node:http + pg: user lookup and argon2id verify; then the sealed TOTP key opened, the code checked, its step claimed",
      connections: CONNECTIONS,
      ratio: {
        rps: ratio(app.measured.rps, base.measured.rps),
        p95: ratio(app.measured.p95, base.measured.p95),
      },
      checks: [
        check("errors + refused steps", "0", failed(app), failed(app) === 0),
        check("completed sign-ins (session cookie)", "> 0", app.tally.signedIn, app.tally.signedIn > 0),
        check("baseline: errors + refused steps", "0", failed(base), failed(base) === 0),
        check("sign-ins with no unused code left (app + baseline)", "0", noCode, noCode === 0),
      ],
      notes: [
        `rps and latencies are per sign-in: two requests, from the password step's request to the code ` +
          `step's answer. Per request, both steps mixed: app ${app.raw.rps} rps (p95 ${app.raw.p95} ms), ` +
          `baseline ${base.raw.rps} rps (p95 ${base.raw.p95} ms).`,
        "Non-2xx is half the requests by design: next-auth answers the password step 401, the challenge " +
          "in its error. The checks count answers other than a challenge, then a 200 with the session cookie.",
        `${config.loginAccounts} enrolled accounts in turn (BENCH_LOGIN_ACCOUNTS): a code works once per ` +
          `account and 30 s step, so an account signs in at most twice within one step.`,
        "No target: argon2id (19 MiB, t=2) dominates both; the gap is next-auth, the throttle rows, the session cookie and the audit event.",
      ],
    };
  } finally {
    await baseline.stop();
  }
}
