import "server-only";
import type { OAuthConfig } from "next-auth/providers/oauth";
import { groupsFromClaims } from "@/lib/auth/sso-config";
import type { SsoSettings } from "@/lib/auth/sso-env";

/** next-auth's id for the IdP: its callback is `${APP_URL}/api/auth/callback/oidc`, registered at the IdP. */
export const SSO_PROVIDER_ID = "oidc";

type Claims = Record<string, unknown>;

/**
 * The IdP as next-auth's generic OpenID Connect provider: discovery from the issuer, the authorization code
 * flow with PKCE, state and nonce, and the ID token verified against the IdP's keys by openid-client.
 */
export function ssoProvider(settings: SsoSettings): OAuthConfig<Claims> {
  return {
    id: SSO_PROVIDER_ID,
    name: settings.name,
    type: "oauth",
    wellKnown: `${settings.issuer.replace(/\/+$/, "")}/.well-known/openid-configuration`,
    clientId: settings.clientId,
    clientSecret: settings.clientSecret,
    authorization: { params: { scope: settings.scopes } },
    checks: ["pkce", "state", "nonce"],
    idToken: true,
    userinfo: {
      // The ID token's claims, and the userinfo endpoint's for what it lacks: many IdPs keep email_verified and
      // groups out of the token unless configured to. By now openid-client has verified the ID token (signature,
      // issuer, audience, expiry, nonce), so reading its payload is safe.
      async request({ tokens, client }) {
        const claims = idTokenClaims(tokens.id_token);
        const complete =
          "email" in claims &&
          "email_verified" in claims &&
          groupsFromClaims(claims, settings.groupsClaim).length > 0;
        if (complete || !tokens.access_token) return claims;
        const info: Claims = await client.userinfo(tokens.access_token);
        // OpenID Connect Core 5.3.2: a userinfo answer about anyone else must not be used.
        if (info.sub !== claims.sub) throw new Error("userinfo names another subject than the ID token");
        return { ...info, ...claims };
      },
    },
    profile: (claims) => ({
      id: String(claims.sub),
      email: typeof claims.email === "string" ? claims.email : null,
      name: typeof claims.name === "string" ? claims.name : null,
    }),
  };
}

function idTokenClaims(idToken: string | undefined): Claims {
  const payload = idToken?.split(".")[1];
  if (!payload) throw new Error("the IdP sent no ID token");
  return JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as Claims;
}
