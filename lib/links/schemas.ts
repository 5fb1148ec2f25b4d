import { z } from "zod";
import { LinkChannel, LinkKind } from "@/lib/generated/prisma/enums";

// What a link send asks for, shared by the verification page's form and the API (lib/api), which offers
// only the channels a system can use (EMAIL, COPY).
export const linkSendFields = {
  kind: z.enum(LinkKind, { message: "Choose which link to send" }),
  channel: z.enum(LinkChannel, { message: "Choose how to send it" }),
  recipient: z.string().trim().max(254, "At most 254 characters").optional(),
};

/** An email needs an address to go to. */
export function requireRecipient(input: { channel: string; recipient?: string }, ctx: z.RefinementCtx): void {
  if (input.channel === "EMAIL" && !z.email().safeParse(input.recipient).success) {
    ctx.addIssue({ code: "custom", path: ["recipient"], message: "Enter the client's email address" });
  }
}

export const sendLinkSchema = z.object(linkSendFields).superRefine(requireRecipient);
