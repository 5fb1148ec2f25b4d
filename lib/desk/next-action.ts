import type { DeskStage } from "@/lib/generated/prisma/enums";

/** What the assignee does next in each stage, as My work shows it. */
export const NEXT_ACTION: Record<DeskStage, string> = {
  CREATED: "Start the video call and send the client the link",
  LINK_SENT: "Wait for the client to open the link; resend it if it expired",
  LINK_OPENED: "Run the call with the client",
  CALL_FINISHED: "Fetch the recordings",
  RECORDINGS_ARCHIVED: "Fetch the rest of the recordings",
  AWAITING_DECISION: "Review the recordings and decide",
  AWAITING_SECOND_REVIEW: "Wait for the second reviewer",
  DECIDED: "Nothing: the case is closed",
};
