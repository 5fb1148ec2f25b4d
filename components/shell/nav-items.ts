import type { Permission } from "@/lib/auth/permissions";
import type en from "@/messages/en.json";

/** `label`: its message under "shell.nav". */
export type NavItem = { href: string; label: keyof typeof en.shell.nav; permission: Permission };

// A link appears only to roles that may open the page behind it.
export const NAV_ITEMS: readonly NavItem[] = [
  { href: "/", label: "verifications", permission: "verification:read" },
  { href: "/my-work", label: "myWork", permission: "decision:make" },
  { href: "/queue", label: "queue", permission: "link:send" },
  { href: "/metrics", label: "metrics", permission: "metrics:read" },
  { href: "/qa", label: "qa", permission: "qa:review" },
  { href: "/exports/subject-access", label: "subjectAccess", permission: "export:run" },
  { href: "/admin/audit", label: "audit", permission: "audit:read" },
  { href: "/retention", label: "retention", permission: "retention:manage" },
  { href: "/admin/staff", label: "staff", permission: "staff:manage" },
  { href: "/admin/settings", label: "settings", permission: "settings:manage" },
  { href: "/admin/rulebook", label: "rulebook", permission: "settings:manage" },
  { href: "/admin/retention", label: "retentionPolicy", permission: "settings:manage" },
  { href: "/admin/webhooks", label: "webhooks", permission: "settings:manage" },
  { href: "/admin/api-keys", label: "apiKeys", permission: "settings:manage" },
];
