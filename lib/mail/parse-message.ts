// Reads the raw messages the local SMTP catcher stores: just enough MIME for what nodemailer writes
// (headers, multipart, quoted-printable and base64), so the dev mailbox and the tests need no mail library.

export type ParsedMessage = {
  headers: Record<string, string>;
  from: string;
  to: string;
  subject: string;
  date: string;
  text: string;
  html: string;
};

type Part = { headers: Record<string, string>; body: string };

function splitPart(raw: string): Part {
  const normalised = raw.replace(/\r\n/g, "\n");
  const cut = normalised.indexOf("\n\n");
  const head = cut === -1 ? normalised : normalised.slice(0, cut);
  const body = cut === -1 ? "" : normalised.slice(cut + 2);
  const headers: Record<string, string> = {};
  // Folded header lines start with white space and continue the previous header.
  for (const line of head.replace(/\n[ \t]+/g, " ").split("\n")) {
    const colon = line.indexOf(":");
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { headers, body };
}

function param(header: string | undefined, name: string): string | undefined {
  const match = header?.match(new RegExp(`${name}="?([^";]+)"?`, "i"));
  return match?.[1];
}

function decodeQuotedPrintable(text: string): Buffer {
  const joined = text.replace(/=\n/g, "");
  const bytes: number[] = [];
  for (let i = 0; i < joined.length; i++) {
    const hex = joined.slice(i + 1, i + 3);
    if (joined[i] === "=" && /^[0-9A-F]{2}$/i.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(joined[i] ?? "", "utf8"));
    }
  }
  return Buffer.from(bytes);
}

function decodeBody(part: Part): string {
  const encoding = (part.headers["content-transfer-encoding"] ?? "7bit").toLowerCase();
  if (encoding === "base64") return Buffer.from(part.body.replace(/\s+/g, ""), "base64").toString("utf8");
  if (encoding === "quoted-printable") return decodeQuotedPrintable(part.body).toString("utf8");
  return part.body;
}

const WORD = /=\?[^?]+\?([bq])\?([^?]*)\?=/gi;

/**
 * RFC 2047 encoded words, as nodemailer writes a subject or name that is not plain ASCII. White space between
 * two words is not text, and one character's bytes may span two words: a run of words is decoded as one.
 */
export function decodeWords(value: string): string {
  return value.replace(/=\?[^?]+\?[bq]\?[^?]*\?=(?:\s+=\?[^?]+\?[bq]\?[^?]*\?=)*/gi, (run) => {
    const bytes = [...run.matchAll(WORD)].map(([, kind = "", data = ""]) =>
      kind.toLowerCase() === "b"
        ? Buffer.from(data, "base64")
        : decodeQuotedPrintable(data.replace(/_/g, " ")),
    );
    return Buffer.concat(bytes).toString("utf8");
  });
}

function collect(part: Part, found: { text: string; html: string }): void {
  const type = (part.headers["content-type"] ?? "text/plain").toLowerCase();
  if (type.startsWith("multipart/")) {
    const boundary = param(part.headers["content-type"], "boundary");
    if (!boundary) return;
    const sections = part.body.split(`--${boundary}`).slice(1);
    for (const section of sections) {
      if (section.startsWith("--")) break;
      collect(splitPart(section.replace(/^\n/, "")), found);
    }
    return;
  }
  if (type.startsWith("text/html") && !found.html) found.html = decodeBody(part);
  else if (type.startsWith("text/plain") && !found.text) found.text = decodeBody(part);
}

export function parseMessage(raw: string): ParsedMessage {
  const root = splitPart(raw);
  const found = { text: "", html: "" };
  collect(root, found);
  const h = root.headers;
  return {
    headers: h,
    from: decodeWords(h.from ?? ""),
    to: decodeWords(h.to ?? ""),
    subject: decodeWords(h.subject ?? ""),
    date: h.date ?? "",
    text: found.text.trimEnd(),
    html: found.html.trimEnd(),
  };
}
