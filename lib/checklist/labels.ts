import type { ChecklistResult } from "@/lib/generated/prisma/enums";

export const RESULT_LABEL: Record<ChecklistResult, string> = {
  PASS: "Pass",
  FAIL: "Fail",
  NOT_APPLICABLE: "Not applicable",
};
