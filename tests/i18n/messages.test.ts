import { describe, expect, it } from "vitest";
import de from "@/messages/de.json";
import en from "@/messages/en.json";
import lt from "@/messages/lt.json";
import {
  CLIENT_NAMESPACES,
  clientMessages,
  ROUTE_NAMESPACES,
  SHELL_NAMESPACES,
  type ClientRoute,
} from "@/lib/i18n/client-namespaces";
import { flatten, icuArguments, readSources, unusedKeys } from "./message-usage";

const english = flatten(en);
/** Names and terms that stay as they are in every language (product names, codes). */
const SAME_IN_EVERY_LANGUAGE = new Set<string>(["common.meta.product"]);
const sources = readSources();

describe("messages", () => {
  it.each([
    ["de", de],
    ["lt", lt],
  ])("%s has exactly the English keys, each with the same ICU arguments", (_name, messages) => {
    const other = flatten(messages);
    expect([...other.keys()].sort()).toEqual([...english.keys()].sort());
    const differing = [...english].filter(([key, text]) => {
      const translated = other.get(key);
      return translated !== undefined && icuArguments(translated).join() !== icuArguments(text).join();
    });
    expect(differing.map(([key]) => key)).toEqual([]);
  });

  it("has no empty message", () => {
    for (const messages of [en, de, lt]) {
      expect([...flatten(messages)].filter(([, text]) => !text.trim()).map(([k]) => k)).toEqual([]);
    }
  });

  it.each([
    ["de", de],
    ["lt", lt],
  ])(
    "%s leaves no sentence in English (a copied placeholder), save the listed shared terms",
    (_name, messages) => {
      const other = flatten(messages);
      const copied = [...english]
        .filter(([key, text]) => other.get(key) === text && /[A-Za-z]{3,}\s+[A-Za-z]{3,}/.test(text))
        .map(([key]) => key)
        .filter((key) => !SAME_IN_EVERY_LANGUAGE.has(key));
      expect(copied).toEqual([]);
    },
  );

  it("uses every key somewhere in the source", () => {
    expect(unusedKeys([...english.keys()], sources)).toEqual([]);
  });

  it("sends client components only the namespaces listed for the browser", () => {
    const covered = (ns: string) => CLIENT_NAMESPACES.some((c) => ns === c || ns.startsWith(`${c}.`));
    const outside = sources
      .filter((s) => s.client)
      .flatMap((s) => s.namespaces.map((ns) => ({ file: s.file, ns })))
      .filter(({ ns }) => !covered(ns));
    expect(outside).toEqual([]);
  });

  it.each([undefined, ...(Object.keys(ROUTE_NAMESPACES) as ClientRoute[])])(
    "picks exactly the shell's and the route's namespaces for the browser (%s)",
    (route) => {
      const listed = [...SHELL_NAMESPACES, ...(route ? ROUTE_NAMESPACES[route] : [])];
      const picked = flatten(clientMessages(en as Parameters<typeof clientMessages>[0], route));
      const expected = [...english.keys()].filter((k) => listed.some((c) => k.startsWith(`${c}.`)));
      expect([...picked.keys()].sort()).toEqual(expected.sort());
    },
  );
});

describe("the usage scan", () => {
  const source = (text: string, namespaces: string[] = []) => ({
    file: "x.tsx",
    text,
    client: false,
    namespaces,
  });

  it("finds keys named in full, relative to a namespace, or under a template's head", () => {
    const keys = ["a.b.c", "a.b.d", "x.status.APPROVED", "x.status.DENIED", "y.z"];
    const found = [
      source(`messageKey("a.b.c")`),
      source(`const t = useTranslations("a.b"); t("d")`, ["a.b"]),
      source("t(`status.${s}`)", ["x"]),
    ];
    expect(unusedKeys(keys, found)).toEqual(["y.z"]);
  });

  it("reads ICU arguments and rich-text tags", () => {
    expect(icuArguments("{count, plural, one {# case} other {# cases}} for <b>{name}</b>")).toEqual([
      "<b>",
      "count",
      "name",
    ]);
  });
});
