// Single sign-on's pure rules: the group → role map from the environment, which role wins when several groups
// map, and where the groups are in an IdP's claims. No database, no "server-only": lib/env.ts validates with it.
import { isEnumValue } from "@/lib/enum-values";
import { Role } from "@/lib/generated/prisma/enums";

/** Why a sign-in through the IdP was refused (lib/auth/sso.ts); the login page explains each. */
export type SsoRefusal = "email_unverified" | "inactive" | "auditor" | "no_mapped_group" | "no_account";

/** The roles an IdP group may grant. Never AUDITOR: an auditor's access needs an expiry only an admin sets. */
export type SsoRole = Exclude<Role, "AUDITOR">;

/**
 * Highest privilege first, for someone in several mapped groups. An administrator can grant every role, so it
 * outranks a lead, who holds every officer's permission and more; operations staff hold the fewest.
 */
const SSO_ROLE_ORDER: readonly SsoRole[] = ["ADMIN", "LEAD", "OFFICER", "OPS"];

export type RoleMap = ReadonlyMap<string, SsoRole>;

/**
 * `kyc-officers=OFFICER,kyc-leads=LEAD`: groups as the IdP names them (case-sensitive, since Entra ID sends
 * object ids and Keycloak paths), roles in any case. Split at the last "=", so a group may contain one.
 */
export function parseRoleMap(text: string): { map: RoleMap; problems: string[] } {
  const map = new Map<string, SsoRole>();
  const problems: string[] = [];
  for (const entry of text.split(",").map((e) => e.trim())) {
    if (!entry) continue;
    const at = entry.lastIndexOf("=");
    const group = at > 0 ? entry.slice(0, at).trim() : "";
    const role =
      at > 0
        ? entry
            .slice(at + 1)
            .trim()
            .toUpperCase()
        : "";
    if (!group || !role) {
      problems.push(`"${entry}" is not group=ROLE`);
    } else if (!isEnumValue(Role, role)) {
      problems.push(`"${group}" maps to unknown role "${role}" (one of ${SSO_ROLE_ORDER.join(", ")})`);
    } else if (role === "AUDITOR") {
      problems.push(
        `"${group}" cannot map to AUDITOR: auditor accounts need an expiry, set on the Staff page`,
      );
    } else if (map.has(group) && map.get(group) !== role) {
      problems.push(`"${group}" is mapped twice`);
    } else {
      map.set(group, role);
    }
  }
  return { map, problems };
}

/** The highest-privilege role any of the groups maps to; null when none is mapped. */
export function roleForGroups(groups: readonly string[], map: RoleMap): SsoRole | null {
  const granted = new Set(groups.flatMap((g) => (map.has(g) ? [map.get(g)!] : [])));
  return SSO_ROLE_ORDER.find((role) => granted.has(role)) ?? null;
}

/**
 * The groups in the claims under `claim`: the key as written first (Auth0-style "https://x/groups" contains
 * dots), else a dotted path (Keycloak's "realm_access.roles"). An array of strings, or one string.
 */
export function groupsFromClaims(claims: Record<string, unknown>, claim: string): string[] {
  const value = Object.hasOwn(claims, claim) ? claims[claim] : dotted(claims, claim);
  if (typeof value === "string") return [value];
  if (!Array.isArray(value)) return [];
  return value.filter((g): g is string => typeof g === "string");
}

function dotted(claims: Record<string, unknown>, path: string): unknown {
  let value: unknown = claims;
  for (const key of path.split(".")) {
    if (!value || typeof value !== "object" || !Object.hasOwn(value, key)) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

/** A comma-separated list of addresses, lower-cased, as BREAK_GLASS_EMAILS is read and matched. */
export function parseEmailList(text: string | undefined): string[] {
  return (text ?? "")
    .split(",")
    .map((e) => e.trim().toLowerCase())
    .filter(Boolean);
}

/** What a sign-in takes from the IdP's claims (ID token, with userinfo where the token lacked them). */
export type SsoProfile = {
  email: string | null;
  emailVerified: boolean;
  name: string | null;
  groups: string[];
};

export function profileFromClaims(claims: Record<string, unknown>, groupsClaim: string): SsoProfile {
  const email = typeof claims.email === "string" && claims.email.includes("@") ? claims.email.trim() : null;
  const name = typeof claims.name === "string" && claims.name.trim() ? claims.name.trim() : null;
  // Only a true boolean: some IdPs leave it out, and a missing claim must not count as verified.
  return {
    email,
    emailVerified: claims.email_verified === true,
    name,
    groups: groupsFromClaims(claims, groupsClaim),
  };
}
