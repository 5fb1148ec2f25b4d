// The enums come from the Prisma schema alone (lib/generated/prisma/enums.ts: plain objects, no runtime, safe
// in client components too). A string from outside (a form, a token, raw SQL, a stored JSON detail) becomes
// one of their values only by this check, never by a cast.

type EnumObject = Readonly<Record<string, string>>;

export function isEnumValue<E extends EnumObject>(e: E, value: unknown): value is E[keyof E] {
  return typeof value === "string" && Object.values(e).includes(value);
}
