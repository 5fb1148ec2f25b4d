// Just enough HTML reading for the bench: which verifications a page lists, and a form's hidden fields.

const UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

/** Verification ids linked from a page, in order, without repeats. */
export function verificationIds(html: string): string[] {
  const ids = [...html.matchAll(new RegExp(`href="/verifications/(${UUID})"`, "g"))].map((m) => m[1]!);
  return [...new Set(ids)];
}

const ENTITIES: Record<string, string> = { amp: "&", quot: '"', lt: "<", gt: ">", "#x27": "'", "#39": "'" };
const decode = (text: string) =>
  text.replace(/&(amp|quot|lt|gt|#x27|#39);/g, (_m, e: string) => ENTITIES[e]!);

function attribute(tag: string, name: string): string | null {
  const match = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return match ? decode(match[1]!) : null;
}

/**
 * The hidden fields React renders into a server-action form for browsers without JavaScript ($ACTION_REF_n,
 * the encrypted bound arguments, $ACTION_KEY), taken from the first form that has a field named `marker`.
 */
export function actionFormFields(html: string, marker: string): Record<string, string> | null {
  for (const form of html.match(/<form[\s\S]*?<\/form>/g) ?? []) {
    if (!form.includes(`name="${marker}"`)) continue;
    const fields: Record<string, string> = {};
    for (const input of form.match(/<input[^>]*>/g) ?? []) {
      const name = attribute(input, "name");
      if (name?.startsWith("$ACTION") && attribute(input, "type") === "hidden") {
        fields[name] = attribute(input, "value") ?? "";
      }
    }
    return Object.keys(fields).length ? fields : null;
  }
  return null;
}
