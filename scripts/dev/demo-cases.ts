// A demo worth exploring: cases in every stage, minted at the sandbox so MarkID knows them, their recordings
// archived into our storage by the app's own code, decided ones with reasons and checklist answers, spread over
// the last weeks so that the metrics have shape. Run by the stack once the app is up, on its own database only.
import type { DecisionOutcome, TokenType } from "@/lib/generated/prisma/enums";

/** The settings row that says the demo cases are in: its presence makes a second run write nothing. */
export const DEMO_MARKER = "demo.cases";
/** Every demo case's client ID starts so; a database holding any other case is not a demo database. */
export const DEMO_CLIENT_PREFIX = "DEMO-";

export type DemoStage =
  | "link_sent"
  | "link_opened"
  | "link_expired"
  | "in_call"
  | "awaiting_decision"
  | "awaiting_second_review"
  | "decided";

export type DemoCase = {
  clientId: string;
  firstName: string;
  lastName: string;
  tokenType: TokenType;
  stage: DemoStage;
  /** When the case was created, in hours before the seed. */
  hoursAgo: number;
  /** Decided cases: the outcome; REJECT and ABORT wait for a second person unless `confirmed`. */
  outcome?: DecisionOutcome;
  confirmed?: boolean;
};

const day = 24;
const photos: TokenType = "VIDEO_CALL_PHOTOS";

export const DEMO_CASES: readonly DemoCase[] = [
  {
    clientId: "DEMO-2001",
    firstName: "Ines",
    lastName: "Duarte",
    tokenType: photos,
    stage: "link_sent",
    hoursAgo: 2,
  },
  {
    clientId: "DEMO-2002",
    firstName: "Tomas",
    lastName: "Varga",
    tokenType: photos,
    stage: "link_opened",
    hoursAgo: 5,
  },
  // Its token (and link) ran out three days ago: the link queue offers a resend.
  {
    clientId: "DEMO-2003",
    firstName: "Maren",
    lastName: "Holt",
    tokenType: photos,
    stage: "link_expired",
    hoursAgo: 10 * day,
  },
  {
    clientId: "DEMO-2004",
    firstName: "Kofi",
    lastName: "Mensah",
    tokenType: photos,
    stage: "in_call",
    hoursAgo: 1,
  },
  {
    clientId: "DEMO-2005",
    firstName: "Lea",
    lastName: "Novak",
    tokenType: photos,
    stage: "awaiting_decision",
    hoursAgo: 3,
  },
  // Recordings in for two days and nobody decided: overdue against any sensible target.
  {
    clientId: "DEMO-2006",
    firstName: "Ruth",
    lastName: "Adeyemi",
    tokenType: photos,
    stage: "awaiting_decision",
    hoursAgo: 2 * day + 4,
  },
  {
    clientId: "DEMO-2007",
    firstName: "Pavel",
    lastName: "Dvorak",
    tokenType: photos,
    stage: "awaiting_second_review",
    hoursAgo: 6,
    outcome: "REJECT",
  },
  {
    clientId: "DEMO-2008",
    firstName: "Hana",
    lastName: "Sato",
    tokenType: photos,
    stage: "decided",
    hoursAgo: 1 * day,
    outcome: "APPROVE",
  },
  {
    clientId: "DEMO-2009",
    firstName: "Omar",
    lastName: "Haddad",
    tokenType: photos,
    stage: "decided",
    hoursAgo: 4 * day,
    outcome: "APPROVE",
  },
  {
    clientId: "DEMO-2010",
    firstName: "Greta",
    lastName: "Lind",
    tokenType: photos,
    stage: "decided",
    hoursAgo: 8 * day,
    outcome: "REQUEST_RESUBMISSION",
  },
  {
    clientId: "DEMO-2011",
    firstName: "Felix",
    lastName: "Brandt",
    tokenType: photos,
    stage: "decided",
    hoursAgo: 11 * day,
    outcome: "REJECT",
    confirmed: true,
  },
  {
    clientId: "DEMO-2012",
    firstName: "Nora",
    lastName: "Quist",
    tokenType: photos,
    stage: "decided",
    hoursAgo: 15 * day,
    outcome: "APPROVE",
  },
  {
    clientId: "DEMO-2013",
    firstName: "Arjun",
    lastName: "Rao",
    tokenType: photos,
    stage: "decided",
    hoursAgo: 19 * day,
    outcome: "ABORT",
    confirmed: true,
  },
  {
    clientId: "DEMO-2014",
    firstName: "Elif",
    lastName: "Kaya",
    tokenType: photos,
    stage: "decided",
    hoursAgo: 24 * day,
    outcome: "APPROVE",
  },
];

/** Stages whose case has had its call, so MarkID holds recordings that the app archives. */
export const CALLED: readonly DemoStage[] = ["awaiting_decision", "awaiting_second_review", "decided"];

/**
 * Why this database may not get demo cases, or null when it may: only a database the stack runs itself
 * (the embedded development one, or the e2e one) that holds no case but demo ones.
 */
export function refusal(ownDatabase: boolean, otherCases: number): string | null {
  if (!ownDatabase)
    return "demo cases go only into the stack's own database (embedded or e2e), not DATABASE_URL's";
  if (otherCases > 0) return `the database holds ${otherCases} case(s) that are not demo cases`;
  return null;
}
