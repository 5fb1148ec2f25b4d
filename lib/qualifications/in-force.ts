import "server-only";
import type { Tx } from "@/lib/db";
import { DomainError } from "@/lib/domain-error";
import { messageKey } from "@/lib/i18n/keys";
import { qualificationInForce } from "@/lib/rulebook/rules";
import type { HeldQualification } from "@/lib/rulebook/snapshot";

/** What a refusal says, on the server and in place of the controls on the page: a message key and its name. */
export const unqualifiedMessage = (name: string, what: "decide" | "review") => ({
  key:
    what === "decide"
      ? messageKey("qualifications.errors.decide")
      : messageKey("qualifications.errors.review"),
  values: { name },
});

/**
 * The qualification a person holds now for `required` (the rulebook's name), refusing with a DomainError
 * when the rulebook requires one they do not hold. With none required, the snapshot names any they hold.
 */
export async function requireQualification(
  tx: Tx,
  staffUserId: string,
  required: string | null,
  what: "decide" | "review",
  at = new Date(),
): Promise<HeldQualification> {
  const quals = await tx.qualification.findMany({ where: { staffUserId, revokedAt: null } });
  const names = required ? [required] : [...new Set(quals.map((q) => q.name))];
  const held = names.map((n) => qualificationInForce(quals, n, at)).find((q) => q !== null) ?? null;
  if (required && !held) {
    const refusal = unqualifiedMessage(required, what);
    throw new DomainError(refusal.key, undefined, refusal.values);
  }
  return {
    required,
    held: held && { id: held.id, name: held.name, validUntil: held.validUntil?.toISOString() ?? null },
  };
}
