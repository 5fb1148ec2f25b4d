// Single sign-on's part of the environment, validated by lib/env.ts with everything else.
import { z } from "zod";
import { parseEmailList, parseRoleMap, type RoleMap } from "@/lib/auth/sso-config";

const optionalText = z
  .string()
  .trim()
  .transform((v) => (v === "" ? undefined : v))
  .optional();
const onOff = (fallback: "on" | "off") =>
  z.enum(["on", "off"], { message: 'must be "on" or "off"' }).default(fallback);

const ssoObject = z.object({
  // The IdP's issuer URL; its /.well-known/openid-configuration says the rest.
  OIDC_ISSUER: optionalText.pipe(z.url({ message: "must be a URL (the IdP's issuer)" }).optional()),
  OIDC_CLIENT_ID: optionalText,
  OIDC_CLIENT_SECRET: optionalText,
  // What the login page's button says: "Sign in with <OIDC_NAME>".
  OIDC_NAME: optionalText,
  OIDC_GROUPS_CLAIM: z.string().trim().min(1).default("groups"),
  // Okta's org server and Keycloak send groups only when a scope asks for them: add it here ("… groups").
  OIDC_SCOPES: z.string().trim().min(1).default("openid email profile"),
  OIDC_ROLE_MAP: optionalText,
  // "on": a verified email with a mapped group and no account gets one at its first sign-in.
  OIDC_AUTO_CREATE: onOff("off"),
  // "off": only the addresses in BREAK_GLASS_EMAILS (administrators) may sign in with a password.
  LOCAL_LOGIN: onOff("on"),
  BREAK_GLASS_EMAILS: optionalText,
});
export const ssoFields = ssoObject.shape;
type SsoEnv = z.output<typeof ssoObject>;

type SsoSource = {
  NODE_ENV: string;
  OIDC_ISSUER?: string;
  OIDC_CLIENT_ID?: string;
  OIDC_CLIENT_SECRET?: string;
  OIDC_ROLE_MAP?: string;
  LOCAL_LOGIN: "on" | "off";
};

const TRIO = ["OIDC_ISSUER", "OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET"] as const;

/** All three OIDC variables or none, a usable role map with them, and password login off only with SSO on. */
export function ssoChecks(env: SsoSource, ctx: z.RefinementCtx): void {
  const set = TRIO.filter((name) => env[name]);
  if (set.length > 0) {
    for (const name of TRIO.filter((n) => !env[n])) {
      ctx.addIssue({ code: "custom", path: [name], message: `is required with ${set.join(" and ")}` });
    }
  }
  if (env.OIDC_ISSUER && !env.OIDC_ROLE_MAP) {
    const message = "is required with OIDC_ISSUER: e.g. kyc-officers=OFFICER,kyc-admins=ADMIN";
    ctx.addIssue({ code: "custom", path: ["OIDC_ROLE_MAP"], message });
  }
  if (env.OIDC_ROLE_MAP) {
    const { problems } = parseRoleMap(env.OIDC_ROLE_MAP);
    if (problems.length)
      ctx.addIssue({ code: "custom", path: ["OIDC_ROLE_MAP"], message: problems.join("; ") });
  }
  if (env.LOCAL_LOGIN === "off" && !env.OIDC_ISSUER) {
    const message = '"off" needs single sign-on configured (OIDC_ISSUER), or nobody could sign in';
    ctx.addIssue({ code: "custom", path: ["LOCAL_LOGIN"], message });
  }
  // A malformed issuer has its own issue already; the refinement still runs.
  const issuer = env.OIDC_ISSUER && URL.canParse(env.OIDC_ISSUER) ? new URL(env.OIDC_ISSUER) : null;
  const local = issuer && ["localhost", "127.0.0.1"].includes(issuer.hostname);
  if (env.NODE_ENV === "production" && issuer && issuer.protocol !== "https:" && !local) {
    ctx.addIssue({ code: "custom", path: ["OIDC_ISSUER"], message: "must use https:// in production" });
  }
}

export type SsoSettings = {
  issuer: string;
  clientId: string;
  clientSecret: string;
  name: string;
  groupsClaim: string;
  scopes: string;
  roles: RoleMap;
  autoCreate: boolean;
};

/** What the validated environment says about sign-in: SSO (null when not configured) and password login. */
export function ssoSettings(env: SsoEnv) {
  const sso: SsoSettings | null =
    env.OIDC_ISSUER && env.OIDC_CLIENT_ID && env.OIDC_CLIENT_SECRET
      ? {
          issuer: env.OIDC_ISSUER,
          clientId: env.OIDC_CLIENT_ID,
          clientSecret: env.OIDC_CLIENT_SECRET,
          name: env.OIDC_NAME ?? "single sign-on",
          groupsClaim: env.OIDC_GROUPS_CLAIM,
          scopes: env.OIDC_SCOPES,
          roles: parseRoleMap(env.OIDC_ROLE_MAP ?? "").map,
          autoCreate: env.OIDC_AUTO_CREATE === "on",
        }
      : null;
  return { sso, localLogin: env.LOCAL_LOGIN === "on", breakGlass: parseEmailList(env.BREAK_GLASS_EMAILS) };
}
