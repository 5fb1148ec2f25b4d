import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { RecordingsSection } from "@/components/review/recordings-section";
import { ChecklistPanel } from "@/components/checklist/checklist-panel";
import { CaseNotes } from "@/components/decisions/case-notes";
import { DecisionPanel } from "@/components/decisions/decision-panel";
import { DownloadLink } from "@/components/exports/download-link";
import { CaseQaPanel } from "@/components/qa/case-qa-panel";
import { RetentionPanel } from "@/components/retention/retention-panel";
import { LinkPanel } from "@/components/links/link-panel";
import { CallHistory } from "@/components/verifications/call-history";
import { CallPanel } from "@/components/verifications/call-panel";
import { CaseShortcuts } from "@/components/verifications/case-shortcuts";
import { LiveRefresh } from "@/components/verifications/live-refresh";
import { Timeline } from "@/components/verifications/timeline";
import { VerificationHeader } from "@/components/verifications/verification-header";
import { requirePermission, requireVerificationAccess } from "@/lib/auth/dal";
import { can } from "@/lib/auth/permissions";
import { startVideoCall } from "@/lib/calls/actions";
import { answerChecklistItem } from "@/lib/checklist/actions";
import { getChecklist } from "@/lib/checklist/queries";
import { qualificationGaps } from "@/lib/qualifications/queries";
import { mayAnswerChecklist } from "@/lib/checklist/rules";
import { addNote } from "@/lib/decisions/note-actions";
import { activeReasons } from "@/lib/decisions/reasons";
import { sendLinkAction } from "@/lib/links/actions";
import { getVerificationLinks } from "@/lib/links/queries";
import { SENDABLE } from "@/lib/links/rules";
import { devMailboxDir } from "@/lib/mail/dev-mailbox";
import { mailConfigured } from "@/lib/mail/transport";
import { caseQa } from "@/lib/qa/queries";
import { fetchRecordings } from "@/lib/recordings/actions";
import { reportPlayback } from "@/lib/recordings/playback-actions";
import { placeCaseHold } from "@/lib/retention/hold-actions";
import { caseRetention } from "@/lib/retention/queries";
import { caseClock } from "@/lib/desk/queries";
import { getVerificationDetail } from "@/lib/verifications/detail";
import { isOpen } from "@/lib/verifications/status";
import { getTimeline, pageVersion } from "@/lib/verifications/timeline";
import { RouteMessages } from "@/components/i18n/route-messages";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("verifications.case");
  return { title: t("title") };
}

// `?qa=1`: arrived from the QA queue, so the QA form takes the keyboard's focus.
type Props = { params: Promise<{ id: string }>; searchParams?: Promise<{ qa?: string | string[] }> };

export default async function VerificationPage({ params, searchParams }: Props) {
  const user = await requirePermission("verification:read");
  const { id } = await requireVerificationAccess(user, (await params).id, "verification:read");
  const [v, timeline, reasons, links, checklist, qa, retention] = await Promise.all([
    getVerificationDetail(user, id),
    getTimeline(id),
    activeReasons(),
    getVerificationLinks(id),
    getChecklist(id),
    caseQa(id),
    caseRetention(id),
  ]);
  const [stage, version, t] = await Promise.all([
    caseClock(id),
    pageVersion(id, v.updatedAt, timeline),
    getTranslations("verifications.case"),
  ]);
  const qaDisputed = qa.filter((s) => s.verdict === "DISAGREE").map((s) => s.decisionId);
  const callLink = links.find((l) => l.kind === "VIDEO_CALL" && l.view === "live")?.url ?? null;
  return (
    <RouteMessages route="/verifications/[id]">
      <div className="flex flex-col gap-6">
        <LiveRefresh verificationId={v.id} version={version ?? ""} />
        <CaseShortcuts />
        <VerificationHeader v={v} stage={stage} />
        <div className="grid gap-6 lg:grid-cols-3">
          <div className="flex flex-col gap-6 lg:col-span-2">
            <CallPanel
              latest={v.calls[0]}
              callLink={callLink}
              canRun={can(user.role, "call:run")}
              open={isOpen(v.status)}
              startCall={startVideoCall.bind(null, v.id)}
            />
            <LinkPanel
              links={links}
              canSend={can(user.role, "link:send") && SENDABLE.includes(v.status)}
              hasCall={v.calls.some((c) => c.created)}
              mailEnabled={mailConfigured()}
              mailboxHref={devMailboxDir() ? "/dev/mailbox" : null}
              defaultEmail={v.email}
              send={sendLinkAction.bind(null, v.id)}
            />
            <RecordingsSection
              v={v}
              canView={can(user.role, "recording:view")}
              canFetch={can(user.role, "call:run")}
              fetchAction={fetchRecordings.bind(null, v.id)}
              reportPlayback={can(user.role, "decision:make") ? reportPlayback.bind(null, v.id) : null}
            />
            <CallHistory calls={v.calls} links={links} />
          </div>
          <div className="flex flex-col gap-6">
            <CaseQaPanel v={v} samples={qa} user={user} focus={(await searchParams)?.qa === "1"} />
            {can(user.role, "recording:view") ? (
              <ChecklistPanel
                checklist={checklist}
                media={v.media}
                answer={mayAnswerChecklist(user, v) ? answerChecklistItem.bind(null, v.id) : null}
              />
            ) : null}
            <DecisionPanel
              v={v}
              user={user}
              reasons={reasons}
              checklist={checklist}
              unqualified={await qualificationGaps(user.id, checklist.rulebook.content)}
              qaDisputed={qaDisputed}
            />
            <CaseNotes
              notes={v.notes}
              add={can(user.role, "decision:make") ? addNote.bind(null, v.id) : null}
            />
            {retention ? (
              <RetentionPanel
                verificationId={v.id}
                retention={retention}
                placeHold={can(user.role, "retention:manage") ? placeCaseHold.bind(null, v.id) : null}
              />
            ) : null}
            {can(user.role, "export:run") && !retention?.purge?.completedAt ? (
              <DownloadLink
                href={`/api/exports/evidence/${v.id}`}
                label={t("evidencePack")}
                note={t("evidencePackNote")}
              />
            ) : null}
            <Timeline
              entries={timeline}
              auditHref={
                can(user.role, "audit:read")
                  ? `/admin/audit?targetType=verification&targetId=${v.id}`
                  : undefined
              }
            />
          </div>
        </div>
      </div>
    </RouteMessages>
  );
}
