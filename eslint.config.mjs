import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import { defineConfig, globalIgnores } from "eslint/config";

// A string inside a JSX expression that no person reads as such: a call's argument (t("key"), a class helper),
// an attribute's value (the attributes a person reads have their own selectors), a property or a comparison's
// operand.
const NOT_RENDERED =
  ":not(CallExpression > Literal):not(JSXAttribute Literal):not(Property > Literal):not(BinaryExpression > Literal)";
const KEY_OR_OPERAND = ":not(CallExpression > Literal):not(BinaryExpression > Literal)";
const KEY_TEMPLATE = ":not(CallExpression > TemplateLiteral > TemplateElement)";
const NOT_RENDERED_TEMPLATE = `${KEY_TEMPLATE}:not(JSXAttribute TemplateElement)`;

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([
    ".next/**",
    ".next*/**",
    ".data/**",
    "lib/generated/**",
    "next-env.d.ts",
    "playwright-report/**",
    "test-results/**",
  ]),
  {
    rules: {
      "@typescript-eslint/consistent-type-definitions": ["error", "type"],
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-restricted-properties": [
        "error",
        { object: "process", property: "env", message: "Read the environment through lib/env.ts." },
      ],
    },
  },
  {
    // User-facing text lives in messages/<language>.json (next-intl), never as a literal in a component.
    files: ["app/**/*.tsx", "components/**/*.tsx"],
    rules: {
      "no-restricted-syntax": [
        "error",
        ...[
          "JSXText[value=/[A-Za-z\\u00C0-\\u017F]{2}/]",
          // Inside {…}: a string that is rendered, not a message key handed to t("…") or an attribute's value
          // (classes, hrefs; the attributes a person reads are checked below).
          `JSXElement > JSXExpressionContainer Literal[value=/[A-Za-z]{2}/]${NOT_RENDERED}`,
          `JSXElement > JSXExpressionContainer TemplateElement[value.raw=/[A-Za-z]{2}/]${NOT_RENDERED_TEMPLATE}`,
          `JSXFragment > JSXExpressionContainer Literal[value=/[A-Za-z]{2}/]${NOT_RENDERED}`,
          `JSXAttribute[name.name=/^(aria-label|aria-description|aria-roledescription|title|placeholder|alt|label)$/] Literal[value=/[A-Za-z]{2}/]${KEY_OR_OPERAND}`,
          `JSXAttribute[name.name=/^(aria-label|aria-description|title|placeholder|alt|label)$/] TemplateElement[value.raw=/[A-Za-z]{2}/]${KEY_TEMPLATE}`,
          "VariableDeclarator[id.name='metadata'] Property[key.name=/^(title|description)$/] > Literal",
        ].map((selector) => ({
          selector,
          message: "Text a person reads comes from messages/<language>.json through next-intl.",
        })),
      ],
    },
  },
  {
    files: [
      "lib/env.ts",
      "instrumentation.ts",
      "scripts/**",
      "sandbox/**",
      "e2e/**",
      "bench/**",
      "*.config.*",
      "tests/**",
    ],
    rules: { "no-restricted-properties": "off" },
  },
]);
