import type { Permission } from "@/lib/auth/permissions";

export type NavItem = { href: string; label: string; permission: Permission };

// A link appears only to roles that may open the page behind it.
export const NAV_ITEMS: readonly NavItem[] = [
  { href: "/", label: "Verifications", permission: "verification:read" },
  { href: "/my-work", label: "My work", permission: "decision:make" },
  { href: "/queue", label: "Link queue", permission: "link:send" },
  { href: "/metrics", label: "Metrics", permission: "metrics:read" },
  { href: "/qa", label: "QA", permission: "qa:review" },
  { href: "/exports/subject-access", label: "Subject access", permission: "export:run" },
  { href: "/admin/audit", label: "Audit log", permission: "audit:read" },
  { href: "/retention", label: "Retention", permission: "retention:manage" },
  { href: "/admin/staff", label: "Staff", permission: "staff:manage" },
  { href: "/admin/settings", label: "Settings", permission: "settings:manage" },
  { href: "/admin/rulebook", label: "Rulebook", permission: "settings:manage" },
  { href: "/admin/retention", label: "Retention policy", permission: "settings:manage" },
  { href: "/admin/webhooks", label: "Webhooks", permission: "settings:manage" },
  { href: "/admin/api-keys", label: "API keys", permission: "settings:manage" },
];
