/**
 * The address to throttle by. The last X-Forwarded-For entry is the one our own reverse proxy appended;
 * earlier entries come from the client and would let anyone pick a fresh address for every guess.
 */
export function clientIp(header: (name: string) => string | null | undefined): string | null {
  const forwarded = header("x-forwarded-for")
    ?.split(",")
    .map((part) => part.trim())
    .filter(Boolean);
  return forwarded?.at(-1) ?? header("x-real-ip")?.trim() ?? null;
}
