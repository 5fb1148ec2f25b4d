"use server";

import { randomUUID } from "node:crypto";
import { z } from "zod";
import { validatedAction } from "@/lib/actions/validated-action";
import { apiKeyFormSchema } from "@/lib/api/key-form";
import { newApiKey } from "@/lib/api/key-secret";
import { DomainError } from "@/lib/domain-error";
import { messageKey } from "@/lib/i18n/keys";

const PAGE = "/admin/api-keys";

/** Creates a key; the key itself is shown this once and only its SHA-256 is kept. */
export const createApiKey = validatedAction({
  permission: "settings:manage",
  schema: apiKeyFormSchema,
  async run(input, { user, commit }) {
    const id = randomUUID();
    const { key, prefix, secretHash } = newApiKey();
    await commit(async (tx) => {
      await tx.apiKey.create({ data: { id, ...input, prefix, secretHash, createdById: user.id } });
      const details = {
        prefix,
        scopes: input.scopes,
        expiresAt: input.expiresAt?.toISOString() ?? null,
        ipRanges: input.ipAllowlist,
        rateLimitPerMinute: input.rateLimitPerMinute,
      };
      return {
        value: null,
        audit: { action: "api_key.created", targetType: "api_key", targetId: id, details },
      };
    });
    return {
      ok: true,
      message: messageKey("apiKeys.actions.created"),
      data: { secret: key },
      revalidate: [PAGE],
    };
  },
});

/** Revokes a key at once: its next call answers 401. */
export const revokeApiKey = validatedAction({
  permission: "settings:manage",
  schema: z.object({}),
  bound: 1,
  async run(_input, { user, ids: [keyId = ""], commit }) {
    await commit(async (tx) => {
      const key = await tx.apiKey.findUnique({ where: { id: keyId } });
      if (!key || key.revokedAt) throw new DomainError(messageKey("apiKeys.errors.alreadyRevoked"));
      await tx.apiKey.update({ where: { id: keyId }, data: { revokedAt: new Date(), revokedById: user.id } });
      return {
        value: null,
        audit: {
          action: "api_key.revoked",
          targetType: "api_key",
          targetId: keyId,
          details: { prefix: key.prefix },
        },
      };
    });
    return { ok: true, message: messageKey("apiKeys.actions.revoked"), revalidate: [PAGE] };
  },
});
