// A real OpenID Connect provider (panva's oidc-provider) in the test's own process: discovery, the
// authorization code flow with PKCE, signed ID tokens and userinfo, as Entra ID, Okta or Keycloak serve them.
// Its people live in `people`, which a test may change between sign-ins (a group added at the "IdP").
// The login form is oidc-provider's development one: any password, the login names the person.
import type { Server } from "node:http";
import Provider, { type Configuration } from "oidc-provider";

type IdpPerson = { email: string; emailVerified: boolean; name: string; groups: string[] };

export type Idp = { people: Map<string, IdpPerson>; stop: () => Promise<void> };

export async function startIdp(options: {
  port: number;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
}): Promise<Idp> {
  const people = new Map<string, IdpPerson>();
  const configuration: Configuration = {
    clients: [
      {
        client_id: options.clientId,
        client_secret: options.clientSecret,
        redirect_uris: [options.redirectUri],
        grant_types: ["authorization_code"],
        response_types: ["code"],
      },
    ],
    pkce: { required: () => true },
    scopes: ["openid", "email", "profile", "groups"],
    // email_verified and groups come from userinfo (the ID token carries only what it must), which the app
    // must ask for: the same path as an IdP that keeps groups out of the token.
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"], groups: ["groups"] },
    findAccount: (_ctx, id) => {
      const person = people.get(id);
      if (!person) return undefined;
      return {
        accountId: id,
        claims: () => ({
          sub: id,
          email: person.email,
          email_verified: person.emailVerified,
          name: person.name,
          groups: person.groups,
        }),
      };
    },
    cookies: { keys: ["e2e-idp-cookie-key-0123456789abcdef"] },
    features: { devInteractions: { enabled: true } },
  };
  const provider = new Provider(`http://127.0.0.1:${options.port}`, configuration);
  const server: Server = await new Promise((resolve) => {
    const listening = provider.listen(options.port, "127.0.0.1", () => resolve(listening));
  });
  return {
    people,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
