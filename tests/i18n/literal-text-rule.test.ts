import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

// The lint rule that keeps words out of components (eslint.config.mjs): it must catch text a person reads and
// let message keys, class names and comparisons through. Run through ESLint itself, with the project's config.
const eslint = new ESLint();

async function flagged(code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: "components/probe.tsx" });
  return result!.messages
    .filter((m) => m.ruleId === "no-restricted-syntax")
    .map((m) => code.split("\n")[m.line - 1]!.slice(m.column - 1, m.column + 14));
}

const component = (
  body: string,
) => `export function Probe({ t, on }: { t: (k: string) => string; on: boolean }) {
  return (
${body}
  );
}
`;

describe("the literal-text rule", () => {
  it("flags words in text, braces, conditions, templates and the attributes a person reads", async () => {
    const hits = await flagged(
      component(`    <div>
      Hello there
      <span>{"Loose words"}</span>
      <span>{on ? "Yes indeed" : t("no")}</span>
      <span>{on && "Shown sometimes"}</span>
      <span>{\`Count of \${on}\`}</span>
      <img alt="A portrait" src="/x.png" />
      <button aria-label="Close dialog" title={on ? "Open it" : t("x")} />
      <input placeholder="Type here" />
    </div>`),
    );
    expect(hits).toHaveLength(9);
  });

  it("lets message keys, class names, comparisons and codes through", async () => {
    const hits = await flagged(
      component(`    <div className={on ? "px-2 py-1" : "px-4"} aria-label={t("probe.label")}>
      {t("probe.title")}
      {on ? t("probe.on") : t("probe.off")}
      <span className={on ? "font-bold text-sm" : undefined}>{t("probe.body")}</span>
      {on === true ? <b>{t("probe.yes")}</b> : null}
      {" · "}
      <code>{"42"}</code>
    </div>`),
    );
    expect(hits).toEqual([]);
  });
});
