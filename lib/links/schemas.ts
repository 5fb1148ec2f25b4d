import { z } from "zod";
import { LinkChannel, LinkKind } from "@/lib/generated/prisma/enums";
import { translatorFor } from "@/lib/i18n/messages";
import { messageKey, type MessageKey } from "@/lib/i18n/keys";

// What a link send asks for, shared by the verification page's form and the API (lib/api), which offers
// only the channels a system can use (EMAIL, COPY). The form's messages are keys that validatedAction
// translates; the API answers in English, so its copy of the rules says them in English.

type Say = (key: MessageKey) => string;
const asKey: Say = (key) => key;
const english: Say = (key) => translatorFor("en")(key);

const fields = (say: Say) => ({
  kind: z.enum(LinkKind, { message: say(messageKey("links.form.chooseKind")) }),
  channel: z.enum(LinkChannel, { message: say(messageKey("links.form.chooseChannel")) }),
  recipient: z
    .string()
    .trim()
    .max(254, say(messageKey("links.form.tooLong")))
    .optional(),
});

/** An email needs an address to go to. */
const recipientRule =
  (say: Say) =>
  (input: { channel: string; recipient?: string }, ctx: z.RefinementCtx): void => {
    if (input.channel === "EMAIL" && !z.email().safeParse(input.recipient).success) {
      ctx.addIssue({
        code: "custom",
        path: ["recipient"],
        message: say(messageKey("links.form.emailRequired")),
      });
    }
  };

export const linkSendFields = fields(english);
export const requireRecipient = recipientRule(english);

export const sendLinkSchema = z.object(fields(asKey)).superRefine(recipientRule(asKey));
