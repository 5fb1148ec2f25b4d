import { describe, expect, it } from "vitest";
import { translatorFor } from "@/lib/i18n/messages";
import { classifyErrorResponse, makeError } from "@/lib/markid/errors";
import { staffMessage } from "@/lib/markid";
import { API_IDENTIFIERS, type MarkIdError } from "@/lib/markid/types";

// Every MarkID failure has one English text (MarkIdError.message: logs, stored call history) and the message a
// person reads in their language: in English the two must be the same words, in German and Lithuanian not.
const body = (identifier: string, message?: string) => JSON.stringify({ identifier, message });

const errors: [string, MarkIdError][] = [
  ...API_IDENTIFIERS.map((id): [string, MarkIdError] => [id, classifyErrorResponse(400, body(id))]),
  ...API_IDENTIFIERS.map((id): [string, MarkIdError] => [
    `${id} with MarkID's text`,
    classifyErrorResponse(400, body(id, "clientId: must not be {empty}")),
  ]),
  ["out of credits", classifyErrorResponse(403, body("PERMISSIONS_ERROR", "Partner reached token limit."))],
  ["not expired", classifyErrorResponse(400, body("PARTNER_ERROR", "Token has not expired yet."))],
  ["404 without a body", classifyErrorResponse(404, null)],
  ["409 without a body", classifyErrorResponse(409, "<html>")],
  ["418 without a body", classifyErrorResponse(418, "")],
  ["an unknown identifier", classifyErrorResponse(400, body("NEW_THING"))],
  ["timeout", makeError("TIMEOUT", null)],
  ["network", makeError("NETWORK_ERROR", null)],
  ["invalid response", makeError("INVALID_RESPONSE", 200)],
  ["checked before sending", makeError("BAD_VALUE", null, { message: "Cannot create the verification: x." })],
];

describe("a MarkID failure as staff read it", () => {
  it.each(errors)("%s: English is the error's own text", (_name, error) => {
    expect(staffMessage(error, translatorFor("en"))).toBe(error.message);
  });

  it.each(errors)("%s: German and Lithuanian are translated", (_name, error) => {
    const english = staffMessage(error, translatorFor("en"));
    if (error.status === null && error.identifier === "BAD_VALUE") return; // zod's English detail, prefixed
    expect(staffMessage(error, translatorFor("de"))).not.toBe(english);
    expect(staffMessage(error, translatorFor("lt"))).not.toBe(english);
  });

  it("keeps MarkID's own words, cut short, inside the translation", () => {
    const error = classifyErrorResponse(400, body("BAD_VALUE", "x".repeat(300)));
    const german = staffMessage(error, translatorFor("de"));
    expect(german).toContain(`MarkID meldete: ${"x".repeat(199)}…`);
  });
});
