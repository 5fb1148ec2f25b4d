// Signs a demo account in against a running `npm run dev`, over HTTP as a browser's form would: the login page,
// next-auth's CSRF token, the credentials callback, then the session. Exits non-zero, saying why, on any step.
// Usage: node .ci/smoke-sign-in.mjs <base url> <email> <password> [command printing each demo account's code]
import { execSync } from "node:child_process";

const [base, email, password, codeCommand] = process.argv.slice(2);
const jar = new Map();
const fail = (message) => {
  console.error(`sign-in smoke test failed: ${message}`);
  process.exit(1);
};

async function request(path, init = {}) {
  // A fresh connection each time: fetching the code blocks this process for seconds, long enough for the
  // server to close an idle kept-alive socket under the next request.
  const headers = {
    ...(init.headers ?? {}),
    connection: "close",
    cookie: [...jar].map(([k, v]) => `${k}=${v}`).join("; "),
  };
  const response = await fetch(new URL(path, base), { ...init, headers, redirect: "manual" });
  for (const cookie of response.headers.getSetCookie()) {
    const [pair] = cookie.split(";");
    const at = pair.indexOf("=");
    jar.set(pair.slice(0, at), pair.slice(at + 1));
  }
  return response;
}

async function callback(fields) {
  const { csrfToken } = await (await request("/api/auth/csrf")).json();
  const body = new URLSearchParams({ ...fields, csrfToken, json: "true", callbackUrl: base });
  const response = await request("/api/auth/callback/credentials", {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body,
  });
  const { url } = await response.json();
  return new URL(url).searchParams.get("error");
}

const login = await request("/login");
if (login.status !== 200) fail(`GET /login answered ${login.status}`);
if (!(await login.text()).includes("Sign in")) fail("the login page has no Sign in button");

let error = await callback({ email, password });
if (error?.includes(":") && codeCommand) {
  // The code step: the challenge comes back in the error, the code from the dev stack's own command.
  const challenge = error.slice(error.indexOf(":") + 1);
  const printed = execSync(codeCommand, { encoding: "utf8" }).split("\n");
  const code = printed
    .find((line) => line.includes(email))
    ?.trim()
    .split(/\s+/)
    .at(-1);
  if (!code) fail(`\`${codeCommand}\` printed no code for ${email}`);
  error = await callback({ challenge, code });
}
if (error) fail(`next-auth answered error=${error}`);

const session = await (await request("/api/auth/session")).json();
if (!session?.user?.name) fail(`no session after signing in: ${JSON.stringify(session)}`);
const home = await request("/");
if (home.status !== 200)
  fail(`GET / as ${email} answered ${home.status} ${home.headers.get("location") ?? ""}`);
if (!(await home.text()).includes("Sign out")) fail(`GET / as ${email} shows no Sign out button`);
console.log(`signed in as ${email} (${session.user.name}): the session and the home page answer`);
