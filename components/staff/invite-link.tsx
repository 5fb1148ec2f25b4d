import { useTranslations } from "next-intl";
import { CopyButton } from "@/components/ui/copy-button";

/** The one-time link, shown to the admin once: only its hash is stored. */
export function InviteLink({ url }: { url: string }) {
  const t = useTranslations("staff.inviteLink");
  return (
    <div className="flex flex-col gap-2 rounded-md border border-border bg-raised p-3">
      <label htmlFor="invite-url" className="text-sm font-medium">
        {t("label")}
      </label>
      <div className="flex gap-2">
        <input
          id="invite-url"
          readOnly
          value={url}
          className="min-w-0 flex-1 rounded-md border border-border bg-surface px-3 py-1.5 font-mono text-xs"
        />
        <CopyButton value={url} label={t("copy")} />
      </div>
    </div>
  );
}
