"use server";

import { z } from "zod";
import { validatedAction } from "@/lib/actions/validated-action";
import { currentLanguage } from "@/lib/i18n/current";
import { translatorFor } from "@/lib/i18n/messages";
import { messageKey } from "@/lib/i18n/keys";
import { applyPlaybackReport } from "@/lib/recordings/playback";

/** Longest video a report may describe, in seconds (6 hours); calls are minutes long. */
const MAX_DURATION = 6 * 3600;
/** Most ranges one report may carry: a player's TimeRanges after many seeks, merged, stays far below. */
const MAX_RANGES = 200;
const OUTSIDE = messageKey("calls.playback.outside");

const schema = z
  .object({
    durationSeconds: z.coerce.number().positive(messageKey("calls.playback.length")).max(MAX_DURATION),
    ranges: z
      .string()
      .max(MAX_RANGES * 48)
      .transform((text, ctx) => {
        try {
          return JSON.parse(text) as unknown;
        } catch {
          ctx.addIssue({ code: "custom", message: messageKey("calls.playback.json") });
          return z.NEVER;
        }
      })
      .pipe(
        z
          .array(z.tuple([z.number().min(0, OUTSIDE), z.number().min(0, OUTSIDE)]))
          .max(MAX_RANGES, messageKey("calls.playback.tooMany")),
      ),
  })
  .superRefine((r, ctx) => {
    // A player's last timeupdate may pass the metadata's length by a frame.
    if (r.ranges.some(([s, e]) => s > e || e > r.durationSeconds + 0.5))
      ctx.addIssue({ code: "custom", path: ["ranges"], message: OUTSIDE });
  });

/** The video player reports which parts it played; bound to the verification and the recording. */
export const reportPlayback = validatedAction({
  permission: "decision:make",
  schema,
  bound: 2,
  record: "verification",
  async run(input, { user, ids: [verificationId = "", mediaId = ""], commit }) {
    const played = await commit((tx) => applyPlaybackReport(tx, user.id, verificationId, mediaId, input));
    // The case page (watched share, what approval still needs) refreshes at each new 10% step, not each report.
    const revalidate = played.stepped ? [`/verifications/${verificationId}`] : [];
    // Said to the player's live region; the number goes in as the message's argument.
    const message = translatorFor(currentLanguage())("calls.playback.played", {
      percent: Math.floor(played.share * 100),
    });
    return { ok: true, message, revalidate };
  },
});
