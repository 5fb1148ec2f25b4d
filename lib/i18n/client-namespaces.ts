import type { Messages, NamespaceKeys, NestedKeyOf } from "use-intl/core";

/**
 * The message namespaces client components read (useTranslations in a "use client" file), top-level or nested
 * ("decisions.dialog"): only these travel to the browser with every page, so keep them to what the browser
 * renders. tests/i18n/messages.test.ts fails when a client component opens one that is not covered here.
 */
type Namespace = NamespaceKeys<Messages, NestedKeyOf<Messages>>;

export const CLIENT_NAMESPACES: readonly Namespace[] = [
  "common",
  "desk.availability",
  "desk.settingsForm",
  "desk.stage",
  "desk.reassign",
  "desk.workList",
  "exports.button",
  "links.kind",
  "links.channel",
  "links.form",
  "links.queue",
  "notifications.kinds",
  "notifications.bell",
  "notifications.list",
  "notifications.mailForm",
  "rulebook.editor",
  "rulebook.outcome",
  "audit.filters",
  "audit.chain",
  "audit.problems",
  "retention.class",
  "retention.policyForm",
  "retention.holdForm",
  "decisions.outcome",
  "decisions.form",
  "decisions.noteForm",
  "decisions.secondReview",
  "decisions.verdicts",
  "checklist.result",
  "checklist.item",
  "checklist.mark",
  "review.media",
  "review.recordings",
  "review.compare",
  "review.photo",
  "review.video",
  "qa.form",
  "qa.disagreeReason",
  "roles",
  "staff.accessExpiry",
  "staff.accessSummary",
  "staff.auditorAccess",
  "staff.grant",
  "staff.inviteForm",
  "staff.inviteLink",
  "staff.pending",
  "staff.revoke",
  "staff.roleForm",
  "settings.outcome",
  "settings.addReason",
  "settings.inactivityForm",
  "settings.qaForm",
  "settings.toggles",
  "apiKeys.form",
  "webhooksOut.form",
  "ui",
  "keyboard",
  "errorPages.error",
  "auth.loginForm",
  "auth.setPassword",
  "auth.twoFactor.setup",
  "auth.twoFactor.disable",
  "account.timeZone",
  "account.language",
  "verifications.form",
  "verifications.filters",
  "clientLanguage.settings",
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

// Every page asks for the same few picks (one per language): made once, not per request.
const picks = new WeakMap<Messages, Record<string, unknown>>();

/** The listed namespaces of one language's messages, nested as they are in the file. */
export function clientMessages(messages: Messages): Record<string, unknown> {
  let picked = picks.get(messages);
  if (!picked) {
    picked = {};
    for (const path of CLIENT_NAMESPACES) put(picked, path, at(messages, path));
    picks.set(messages, picked);
  }
  return picked;
}
