"use server";

import { randomUUID } from "node:crypto";
import { z } from "zod";
import { validatedAction } from "@/lib/actions/validated-action";
import { DomainError } from "@/lib/domain-error";
import { messageKey } from "@/lib/i18n/keys";
import { sendJob } from "@/lib/jobs/send";
import { OUTBOUND_EVENT_TYPES } from "@/lib/outbound-webhooks/events";
import { sealEndpointSecret } from "@/lib/outbound-webhooks/secret";
import { newEndpointSecret } from "@/lib/outbound-webhooks/signature";

const on = z
  .string()
  .optional()
  .transform((v) => v === "on");

// One checkbox per event, named event:<type>: a flat form that validatedAction reads field by field.
const schema = z
  .object({
    url: z
      .url({ protocol: /^https?$/, message: messageKey("webhooksOut.errors.httpUrl") })
      .max(2000, messageKey("webhooksOut.errors.atMost2000Chars")),
    description: z.string().trim().max(200, messageKey("webhooksOut.errors.atMost200Chars")).default(""),
    allowPrivate: on,
    ...Object.fromEntries(OUTBOUND_EVENT_TYPES.map((e) => [`event:${e}`, on])),
  })
  .transform((v) => ({
    ...v,
    events: OUTBOUND_EVENT_TYPES.filter((e) => (v as Record<string, unknown>)[`event:${e}`] === true),
  }))
  .superRefine((v, ctx) => {
    if (!v.events.length)
      ctx.addIssue({
        code: "custom",
        path: ["events"],
        message: messageKey("webhooksOut.errors.chooseEvent"),
      });
    if (!v.allowPrivate && !v.url.startsWith("https:")) {
      ctx.addIssue({
        code: "custom",
        path: ["url"],
        message: messageKey("webhooksOut.errors.useHttps"),
      });
    }
  });

const PAGE = "/admin/webhooks";

/** Adds an endpoint; its signing secret is shown this once and kept sealed. */
export const createWebhookEndpoint = validatedAction({
  permission: "settings:manage",
  schema,
  async run(input, { user, commit }) {
    const id = randomUUID();
    const secret = newEndpointSecret();
    const host = new URL(input.url).host;
    await commit(async (tx) => {
      await tx.webhookEndpoint.create({
        data: {
          id,
          url: input.url,
          description: input.description,
          events: input.events,
          allowPrivate: input.allowPrivate,
          secretSealed: sealEndpointSecret(id, secret),
          createdById: user.id,
        },
      });
      return {
        value: null,
        audit: {
          action: "outbound.endpoint_created",
          targetType: "webhook_endpoint",
          targetId: id,
          details: { host, events: input.events, allowPrivate: input.allowPrivate },
        },
      };
    });
    return {
      ok: true,
      message: messageKey("webhooksOut.actions.added"),
      data: { secret },
      revalidate: [PAGE],
    };
  },
});

export const disableWebhookEndpoint = validatedAction({
  permission: "settings:manage",
  schema: z.object({}),
  bound: 1,
  async run(_input, { ids: [endpointId = ""], commit }) {
    await commit(async (tx) => {
      const endpoint = await tx.webhookEndpoint.findUnique({ where: { id: endpointId } });
      if (!endpoint?.active) throw new DomainError(messageKey("webhooksOut.errors.notActive"));
      await tx.webhookEndpoint.update({ where: { id: endpointId }, data: { active: false } });
      const host = new URL(endpoint.url).host;
      return {
        value: null,
        audit: {
          action: "outbound.endpoint_disabled",
          targetType: "webhook_endpoint",
          targetId: endpointId,
          details: { host },
        },
      };
    });
    return { ok: true, message: messageKey("webhooksOut.actions.disabled"), revalidate: [PAGE] };
  },
});

/** Sends a delivery again, same body and webhook-id, with a fresh 24-hour window. */
export const resendWebhookDelivery = validatedAction({
  permission: "settings:manage",
  schema: z.object({}),
  bound: 1,
  async run(_input, { ids: [deliveryId = ""], commit }) {
    await commit(async (tx) => {
      const delivery = await tx.webhookDelivery.findUnique({
        where: { id: deliveryId },
        include: { endpoint: true },
      });
      if (!delivery) throw new DomainError(messageKey("webhooksOut.errors.deliveryGone"));
      if (!delivery.endpoint.active) throw new DomainError(messageKey("webhooksOut.errors.endpointDisabled"));
      await tx.webhookDelivery.update({
        where: { id: deliveryId },
        data: { status: "PENDING", windowStart: new Date(), failedAt: null, deliveredAt: null },
      });
      await sendJob("outbound.deliver", { deliveryId }, { tx });
      return {
        value: null,
        audit: {
          action: "outbound.delivery_resent",
          targetType: "webhook_endpoint",
          targetId: delivery.endpointId,
          details: { deliveryId, eventType: delivery.eventType, previousStatus: delivery.status },
        },
      };
    });
    return { ok: true, message: messageKey("webhooksOut.actions.queued"), revalidate: [PAGE] };
  },
});
