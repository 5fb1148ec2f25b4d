"use server";

import { z } from "zod";
import { validatedAction } from "@/lib/actions/validated-action";
import { messageKey } from "@/lib/i18n/keys";
import { expirySchema } from "@/lib/staff/auditor-access";
import { changeAccessExpiry } from "@/lib/staff/commands";

// An administrator shortens or extends an auditor's access, never past 90 days from now (checked here, on
// the server); audited as staff.access_changed. Setting a day already past is refused: deactivate instead.
export const changeAuditorExpiry = validatedAction({
  permission: "staff:manage",
  schema: z.object({ accessExpires: expirySchema }),
  bound: 1,
  async run({ accessExpires }, { ids: [id], commit }) {
    const value = await commit((tx) => changeAccessExpiry(tx, id!, accessExpires));
    if (!value.ok) return { ok: false, message: value.message };
    return { ok: true, message: messageKey("staff.actions.accessExpirySaved"), revalidate: ["/admin/staff"] };
  },
});
