"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FieldErrors } from "@/components/ui/field-errors";
import { FormMessage } from "@/components/ui/form-message";
import { ShownOnce } from "@/components/ui/shown-once";
import type { FormAction } from "@/lib/actions/validated-action";
import { OUTBOUND_EVENT_TYPES } from "@/lib/outbound-webhooks/events";

/** Adds a bank endpoint; on success shows its signing secret, once. */
export function EndpointForm({ action }: { action: FormAction }) {
  const t = useTranslations("webhooksOut.form");
  const [state, formAction, pending] = useActionState(action, {});
  const sent = state.ok ? undefined : state.values;
  const errors = state.fieldErrors ?? {};
  return (
    <form action={formAction} className="flex flex-col gap-3" aria-label={t("label")}>
      <Field label={t("url")} name="url" type="url" defaultValue={sent?.url ?? ""} errors={errors.url} />
      <Field
        label={t("description")}
        name="description"
        defaultValue={sent?.description ?? ""}
        errors={errors.description}
      />
      <fieldset className="flex flex-col gap-1" aria-describedby="events-error">
        <legend className="mb-1 text-sm font-medium">{t("events")}</legend>
        {OUTBOUND_EVENT_TYPES.map((e) => (
          <label key={e} className="flex items-center gap-2 text-sm">
            <input type="checkbox" name={`event:${e}`} defaultChecked={sent?.[`event:${e}`] === "on"} />
            {t(`event.${e}`)} <code className="text-xs text-muted">{e}</code>
          </label>
        ))}
        <FieldErrors id="events-error" errors={errors.events} />
      </fieldset>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name="allowPrivate" defaultChecked={sent?.allowPrivate === "on"} />
        {t("allowPrivate")}
      </label>
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? t("adding") : t("add")}
        </Button>
      </div>
      <FormMessage state={state} />
      <ShownOnce state={state} label={t("secret")} />
    </form>
  );
}
