import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import { defineConfig, globalIgnores } from "eslint/config";

// A string handed to a call as an argument (t("key"), t(cond ? "a" : "b"), a helper's option values) is not
// text a person reads itself, nor is one compared with (item.type === "entry"); one rendered inside JSX, even in
// a callback's JSX, still is.
const CALL_ARGUMENT =
  ":not(CallExpression > Literal, CallExpression > :matches(ConditionalExpression, LogicalExpression) > Literal, CallExpression > ObjectExpression > Property > Literal, CallExpression > ArrayExpression > ObjectExpression > Property > Literal, NewExpression > Literal, BinaryExpression > Literal)";
// Inside {…}, an attribute's own string (a class name) is checked by the attribute rules, not as text.
const NOT_ATTRIBUTE = ":not(JSXAttribute > Literal)";
const CALL_TEMPLATE =
  ":not(CallExpression > TemplateLiteral > TemplateElement, CallExpression > :matches(ConditionalExpression, LogicalExpression) > TemplateLiteral > TemplateElement)";

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
          `JSXElement > JSXExpressionContainer Literal[value=/[A-Za-z]{2}/]${CALL_ARGUMENT}${NOT_ATTRIBUTE}`,
          `JSXElement > JSXExpressionContainer TemplateElement[value.raw=/[A-Za-z]{2}/]${CALL_TEMPLATE}:not(JSXAttribute TemplateElement)`,
          `JSXFragment > JSXExpressionContainer Literal[value=/[A-Za-z]{2}/]${CALL_ARGUMENT}${NOT_ATTRIBUTE}`,
          `JSXAttribute[name.name=/^(aria-label|aria-description|aria-roledescription|title|placeholder|alt|label)$/] Literal[value=/[A-Za-z]{2}/]${CALL_ARGUMENT}`,
          `JSXAttribute[name.name=/^(aria-label|aria-description|title|placeholder|alt|label)$/] TemplateElement[value.raw=/[A-Za-z]{2}/]${CALL_TEMPLATE}`,
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
