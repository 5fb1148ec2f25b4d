import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import { defineConfig, globalIgnores } from "eslint/config";

// Attributes a person reads or hears: their words come from the messages too.
const TEXT_ATTRIBUTE =
  "JSXAttribute[name.name=/^(aria-label|aria-description|aria-roledescription|title|placeholder|alt|label)$/]";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([
    ".next/**",
    ".next*/**",
    "bench/minimal-next/.next*/**",
    "bench/minimal-next/next-env.d.ts",
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
          // Words in braces, directly or as a branch of a condition, never the arguments of a call (t("key")).
          ...["JSXElement", "JSXFragment"].flatMap((parent) => [
            `${parent} > JSXExpressionContainer > Literal[value=/[A-Za-z]{2}/]`,
            `${parent} > JSXExpressionContainer > :matches(ConditionalExpression, LogicalExpression) > Literal[value=/[A-Za-z]{2}/]`,
            `${parent} > JSXExpressionContainer > TemplateLiteral > TemplateElement[value.raw=/[A-Za-z]{2}/]`,
          ]),
          ...[
            "> Literal",
            "> JSXExpressionContainer > Literal",
            "> JSXExpressionContainer > :matches(ConditionalExpression, LogicalExpression) > Literal",
          ].map((path) => `${TEXT_ATTRIBUTE} ${path}[value=/[A-Za-z]{2}/]`),
          `${TEXT_ATTRIBUTE} > JSXExpressionContainer > TemplateLiteral > TemplateElement[value.raw=/[A-Za-z]{2}/]`,
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
