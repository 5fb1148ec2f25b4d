"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import type { FormAction } from "@/lib/actions/validated-action";

/** Places a legal hold: on one case (bound into the action), or on a client ID when `byClient`. */
export function HoldForm({
  action,
  byClient = false,
  idPrefix,
}: {
  action: FormAction;
  byClient?: boolean;
  idPrefix: string;
}) {
  const t = useTranslations("retention.holdForm");
  const [state, formAction, pending] = useActionState(action, {});
  const sent = state.ok ? undefined : state.values;
  const errors = state.fieldErrors ?? {};
  const name = (n: string) => `${idPrefix}-${n}`;
  return (
    <form
      action={formAction}
      className="flex flex-col gap-3"
      aria-label={t(byClient ? "labelClient" : "labelCase")}
    >
      {byClient ? (
        <Field
          label={t("clientId")}
          name="clientId"
          id={name("clientId")}
          defaultValue={sent?.clientId ?? ""}
          errors={errors.clientId}
        />
      ) : null}
      <Field
        label={t("reason")}
        name="reason"
        id={name("reason")}
        defaultValue={sent?.reason ?? ""}
        errors={errors.reason}
        hint={t("reasonHint")}
      />
      <Field
        label={t("lastDay")}
        name="endsOn"
        id={name("endsOn")}
        type="date"
        defaultValue={sent?.endsOn ?? ""}
        errors={errors.endsOn}
      />
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? t("placing") : t("place")}
        </Button>
      </div>
      <FormMessage state={state} />
    </form>
  );
}
