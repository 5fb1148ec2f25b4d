// High or critical advisories in production dependencies that have been looked at and accepted, each with
// the reason and a date to look again. npm-audit.test.ts fails on any other one. Empty is the goal.
export type AuditException = {
  /** The package npm audit names as vulnerable. */
  package: string;
  /** The advisory's URL as npm audit reports it, e.g. https://github.com/advisories/GHSA-xxxx-xxxx-xxxx. */
  advisory: string;
  reason: string;
  /** ISO date after which the exception no longer applies. */
  reviewBy: string;
};

export const AUDIT_EXCEPTIONS: readonly AuditException[] = [];
