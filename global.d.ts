import type en from "@/messages/en.json";
import type { Language } from "@/lib/generated/prisma/enums";

// next-intl's types: every t("…") key is checked against the English messages, every locale is a Language.
declare module "next-intl" {
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions -- module augmentation needs an interface
  interface AppConfig {
    Locale: Language;
    Messages: typeof en;
  }
}
