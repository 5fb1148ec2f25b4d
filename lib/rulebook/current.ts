import "server-only";
import { cache } from "react";
import { getDb, type Tx } from "@/lib/db";
import { DEFAULT_RULEBOOK } from "@/lib/rulebook/default-template";
import {
  rulebookContentSchema,
  type DecisionPolicy,
  type Rulebook,
  type RulebookContent,
} from "@/lib/rulebook/schema";

// Taken while version 1 (or the version carrying the policy over) is written, so that two first readers at
// once do not both write it.
const FIRST_VERSION_LOCK = 727_020;

type Row = { id: string; version: number; content: unknown; createdAt: Date };

/** The rulebook in force: it always holds the decision reasons and four-eyes. */
export type CurrentRulebook = Rulebook & { content: RulebookContent & DecisionPolicy };

// Versions never change (a trigger refuses updates), so each is parsed once per process, not on every page
// that shows a checklist or a decision; frozen, because every caller shares it.
const PARSED_MAX = 100;
const parsed = new Map<string, RulebookContent>();

function contentOf(row: Row): RulebookContent {
  let content = parsed.get(row.id);
  if (!content) {
    content = deepFreeze(rulebookContentSchema.parse(row.content));
    if (parsed.size >= PARSED_MAX) parsed.clear();
    parsed.set(row.id, content);
  }
  return content;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

export function toRulebook(row: Row): Rulebook {
  return { id: row.id, version: row.version, content: contentOf(row), createdAt: row.createdAt };
}

const hasPolicy = (r: Rulebook): r is CurrentRulebook =>
  r.content.reasons !== undefined && r.content.fourEyesForAll !== undefined;

/**
 * The reasons and four-eyes setting as they were kept before the rulebook held them: the active rows of
 * decision_reasons and the fourEyesForAll setting. Nothing writes either any more; they are read once, into
 * the first version that holds the policy.
 */
async function legacyPolicy(tx: Tx): Promise<DecisionPolicy> {
  const rows = await tx.decisionReason.findMany({
    where: { active: true },
    orderBy: [{ sortOrder: "asc" }, { label: "asc" }],
  });
  const reasons: DecisionPolicy["reasons"] = { APPROVE: [], REJECT: [], REQUEST_RESUBMISSION: [], ABORT: [] };
  for (const row of rows) reasons[row.outcome].push(row.label);
  const setting = await tx.setting.findUnique({ where: { key: "fourEyesForAll" } });
  return { reasons, fourEyesForAll: setting?.value === true };
}

/**
 * The newest rulebook version. Version 1 (the default template) is written first when there is none; when
 * the newest predates the policy's move into the rulebook, the next version is written with the legacy
 * reasons and four-eyes setting, exactly once. Both carry the legacy policy, so nothing an admin set is lost.
 */
export async function currentRulebook(tx: Tx): Promise<CurrentRulebook> {
  const latest = async () => {
    const row = await tx.rulebookVersion.findFirst({ orderBy: { version: "desc" } });
    return row && toRulebook(row);
  };
  const found = await latest();
  if (found && hasPolicy(found)) return found;
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${FIRST_VERSION_LOCK})`;
  // Someone else may have written it while we waited for the lock.
  const again = await latest();
  if (again && hasPolicy(again)) return again;
  const content = { ...(again?.content ?? DEFAULT_RULEBOOK), ...(await legacyPolicy(tx)) };
  const data = again
    ? {
        version: again.version + 1,
        content,
        note: "Decision reasons and four-eyes carried over from Settings",
      }
    : { version: 1, content };
  return { ...toRulebook(await tx.rulebookVersion.create({ data })), content };
}

/**
 * For pages, once per request: the newest version read as it is, which is the rulebook in force once it holds
 * the policy (always, after the first reader); only otherwise the transaction that writes it.
 */
export const getCurrentRulebook = cache(async (): Promise<CurrentRulebook> => {
  const row = await getDb().rulebookVersion.findFirst({ orderBy: { version: "desc" } });
  const found = row && toRulebook(row);
  if (found && hasPolicy(found)) return found;
  return getDb().$transaction((tx) => currentRulebook(tx));
});
