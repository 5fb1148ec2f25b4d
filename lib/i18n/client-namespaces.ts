import type { Messages, NamespaceKeys, NestedKeyOf } from "use-intl/core";

/**
 * The message namespaces client components read (useTranslations in a "use client" file), top-level or nested
 * ("decisions.dialog"), and where: only these travel to the browser, so keep them to what the browser renders.
 * The shell's (the root and staff layouts, the error pages, full-key lookups) go with every page; each page's own
 * go with that page alone (components/i18n/route-messages.tsx), for they are serialised twice into every answer
 * (RSC payload and HTML) and were a third of the case page's payload when every page carried all of them.
 * tests/i18n/route-messages.test.ts follows each page's imports and fails when one is missing here.
 */
type Namespace = NamespaceKeys<Messages, NestedKeyOf<Messages>>;

export const SHELL_NAMESPACES: readonly Namespace[] = [
  "common",
  "ui",
  "roles",
  "keyboard",
  "errorPages.error",
  "notifications.bell",
  "notifications.kinds",
  "notifications.list",
  "desk.availability",
];

/** Per page, by its route as in app/ without route groups. */
export const ROUTE_NAMESPACES = {
  "/": ["desk.reassign", "exports.button", "verifications.filters"],
  "/verifications/[id]": [
    "checklist.item",
    "checklist.mark",
    "checklist.result",
    "decisions.form",
    "decisions.noteForm",
    "decisions.outcome",
    "decisions.secondReview",
    "decisions.verdicts",
    "links.channel",
    "links.form",
    "qa.disagreeReason",
    "qa.form",
    "retention.holdForm",
    "review.compare",
    "review.media",
    "review.photo",
    "review.recordings",
    "review.video",
  ],
  "/verifications/new": ["verifications.form"],
  "/my-work": ["desk.workList"],
  "/queue": ["links.channel", "links.kind", "links.queue"],
  "/metrics": ["verifications.filters"],
  "/exports/subject-access": ["exports.button"],
  "/retention/holds": ["retention.holdForm"],
  "/account/notifications": ["notifications.mailForm"],
  "/account/two-factor": [
    "account.language",
    "account.timeZone",
    "auth.twoFactor.disable",
    "auth.twoFactor.setup",
  ],
  "/admin/api-keys": ["apiKeys.form"],
  "/admin/audit": ["audit.chain", "audit.filters", "audit.problems", "exports.button"],
  "/admin/retention": ["retention.class", "retention.policyForm"],
  "/admin/settings": [
    "clientLanguage.settings",
    "desk.settingsForm",
    "desk.stage",
    "rulebook.editor",
    "rulebook.outcome",
    "settings.addReason",
    "settings.inactivityForm",
    "settings.outcome",
    "settings.qaForm",
    "settings.toggles",
  ],
  "/admin/staff": [
    "staff.accessExpiry",
    "staff.accessSummary",
    "staff.auditorAccess",
    "staff.grant",
    "staff.inviteForm",
    "staff.inviteLink",
    "staff.pending",
    "staff.revoke",
    "staff.roleForm",
  ],
  "/admin/webhooks": ["webhooksOut.form"],
  "/invite/[token]": ["auth.setPassword"],
  "/login": ["auth.loginForm"],
} as const satisfies Record<string, readonly Namespace[]>;

export type ClientRoute = keyof typeof ROUTE_NAMESPACES;

/** Every namespace that ever reaches the browser. */
export const CLIENT_NAMESPACES: readonly Namespace[] = [
  ...new Set([...SHELL_NAMESPACES, ...Object.values(ROUTE_NAMESPACES).flat()]),
];

function at(messages: object, path: string): unknown {
  return path.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown>)?.[part], messages);
}

function put(target: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split(".");
  const last = parts.pop()!;
  let node = target;
  for (const part of parts) node = (node[part] ??= {}) as Record<string, unknown>;
  node[last] = value;
}

// Every page asks for the same few picks (one per language and route): made once, not per request.
const picks = new WeakMap<Messages, Map<string, Record<string, unknown>>>();

/** The shell's namespaces of one language's messages, and the route's if given, nested as in the file. */
export function clientMessages(messages: Messages, route?: ClientRoute): Record<string, unknown> {
  let byRoute = picks.get(messages);
  if (!byRoute) {
    byRoute = new Map();
    picks.set(messages, byRoute);
  }
  const key = route ?? "";
  let picked = byRoute.get(key);
  if (!picked) {
    picked = {};
    for (const path of [...SHELL_NAMESPACES, ...(route ? ROUTE_NAMESPACES[route] : [])]) {
      put(picked, path, at(messages, path));
    }
    byRoute.set(key, picked);
  }
  return picked;
}
