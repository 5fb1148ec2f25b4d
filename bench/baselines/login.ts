// Sign-in's floor: bare node:http doing what the two steps must do whatever the framework around them.
// Password step: the user looked up, the argon2id hash verified, a sealed challenge (user, session version,
// expiry) handed back the way next-auth hands it back. Code step: the challenge opened, the user's
// sealed TOTP key opened, the code checked (one step of drift either way, as the app), the step claimed so
// that the code works once. No session cookie, no throttle counters, no audit event: those are the gap.
import type { RequestListener, ServerResponse } from "node:http";
import { verify } from "@node-rs/argon2";
import { Secret, TOTP } from "otpauth";
import { seal, unseal } from "../../lib/auth/keys";
import { LOGIN_ERRORS } from "../../lib/auth/login-errors";
import { openTotpSecret } from "../../lib/auth/totp";
import { json, pool, readBody } from "./http";

export type LoginBaselineConfig = { kind: "login"; databaseUrl: string; sessionSecret: string };

type Challenge = { uid: string; sv: number; exp: number };

const CHALLENGE_MS = 5 * 60 * 1000;
const CONTEXT = "login-challenge";
const CLAIM_STEP = `UPDATE staff_users SET "lastTotpStep" = $2
  WHERE id = $1::uuid AND ("lastTotpStep" IS NULL OR "lastTotpStep" < $2)`;

// As next-auth answers a `json` post that authorize() refused or threw at: 401, the error in the url. The
// password step's challenge is such an error too.
const answer401 = (res: ServerResponse, error: string) =>
  json(res, 401, { url: `http://127.0.0.1/api/auth/error?error=${encodeURIComponent(error)}` });

export function login(config: LoginBaselineConfig): RequestListener {
  const db = pool(config.databaseUrl);
  const secret = config.sessionSecret;

  async function passwordStep(form: URLSearchParams, res: ServerResponse) {
    const { rows } = await db.query<{ id: string; passwordHash: string | null; sessionVersion: number }>(
      `SELECT id, "passwordHash", "sessionVersion" FROM staff_users
       WHERE email = $1 AND active AND "totpEnabledAt" IS NOT NULL`,
      [form.get("email")?.toLowerCase() ?? ""],
    );
    const user = rows[0];
    const ok = user?.passwordHash ? await verify(user.passwordHash, form.get("password") ?? "") : false;
    if (!user || !ok) return answer401(res, "CredentialsSignin");
    const body: Challenge = { uid: user.id, sv: user.sessionVersion, exp: Date.now() + CHALLENGE_MS };
    const challenge = seal("login-challenge", JSON.stringify(body), CONTEXT, secret);
    answer401(res, `${LOGIN_ERRORS.codeRequired}:${challenge}`);
  }

  async function codeStep(form: URLSearchParams, res: ServerResponse) {
    const plain = unseal("login-challenge", form.get("challenge") ?? "", CONTEXT, secret);
    const challenge = plain ? (JSON.parse(plain) as Challenge) : null;
    if (!challenge || !(challenge.exp > Date.now())) return answer401(res, LOGIN_ERRORS.challengeExpired);
    const { rows } = await db.query<{ totpSecret: string | null; sessionVersion: number }>(
      `SELECT "totpSecret", "sessionVersion" FROM staff_users WHERE id = $1::uuid AND active`,
      [challenge.uid],
    );
    const user = rows[0];
    const current = user?.totpSecret && user.sessionVersion === challenge.sv;
    const key = current ? openTotpSecret(challenge.uid, user.totpSecret!, secret) : null;
    const totp = key ? new TOTP({ secret: Secret.fromBase32(key) }) : null;
    const delta = totp?.validate({ token: form.get("code") ?? "", window: 1 }) ?? null;
    if (!totp || delta === null) return answer401(res, LOGIN_ERRORS.codeRejected);
    const claimed = await db.query(CLAIM_STEP, [challenge.uid, totp.counter() + delta]);
    if (claimed.rowCount !== 1) return answer401(res, LOGIN_ERRORS.codeRejected);
    json(res, 200, { url: "/" });
  }

  return async (req, res) => {
    const form = new URLSearchParams((await readBody(req))?.toString("utf8") ?? "");
    await (form.has("challenge") ? codeStep(form, res) : passwordStep(form, res));
  };
}
