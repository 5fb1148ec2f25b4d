import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import { defineConfig, globalIgnores } from "eslint/config";

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
          // A string handed to a call (t("key"), a class-name helper) is not text a person reads itself.
          "JSXElement > JSXExpressionContainer Literal[value=/[A-Za-z]{2}/]:not(CallExpression > Literal, NewExpression > Literal, JSXAttribute > Literal)",
          "JSXElement > JSXExpressionContainer TemplateElement[value.raw=/[A-Za-z]{2}/]:not(CallExpression > TemplateLiteral > TemplateElement, JSXAttribute TemplateElement)",
          "JSXFragment > JSXExpressionContainer Literal[value=/[A-Za-z]{2}/]:not(CallExpression > Literal, NewExpression > Literal, JSXAttribute > Literal)",
          "JSXAttribute[name.name=/^(aria-label|aria-description|aria-roledescription|title|placeholder|alt|label)$/] Literal[value=/[A-Za-z]{2}/]:not(CallExpression > Literal)",
          "JSXAttribute[name.name=/^(aria-label|aria-description|title|placeholder|alt|label)$/] TemplateElement[value.raw=/[A-Za-z]{2}/]:not(CallExpression > TemplateLiteral > TemplateElement)",
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
