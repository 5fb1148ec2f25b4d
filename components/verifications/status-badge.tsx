import { useTranslations } from "next-intl";
import { StatusPill } from "@/components/verifications/status-pill";
import type { VerificationStatus } from "@/lib/generated/prisma/enums";

export function StatusBadge({ status }: { status: VerificationStatus }) {
  const t = useTranslations("verifications.status");
  return <StatusPill status={status} label={t(status)} />;
}
