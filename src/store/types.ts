import type { Escalation, EscalationInput, EscalationSaveResult, EscalationState } from '../escalation/types.js';
import type { PurgeCounts } from './retention.js';
import type { CopyDraft } from '../copy/types.js';

/**
 * The persistence Deskmate's Slack side needs, behind one small async interface so a PostgreSQL
 * implementation can sit beside the SQLite one. Every method is idempotent where Slack may retry.
 */

export type QuestionKind = 'mention' | 'followup' | 'dm' | 'proactive';
export type QuestionStatus = 'pending' | 'done' | 'failed';

export interface QuestionInput {
  kind: QuestionKind;
  channel: string;
  user: string;
  /** Already sanitized and trimmed to the size Deskmate asks with. */
  text: string;
  messageTs: string;
  /** The thread Deskmate replies in (the message's own ts when it starts one); undefined for DMs outside threads. */
  threadTs?: string;
  eventId?: string;
  /** The message was longer than Deskmate reads; the answer says so. */
  truncated?: boolean;
}

export interface StoredQuestion extends QuestionInput {
  id: number;
  status: QuestionStatus;
  createdAt: number;
  /** ts of Deskmate's reply, once posted. */
  replyTs?: string;
  /** ts of the "Looking in the docs…" placeholder, once posted: a retried answer updates it instead of posting again. */
  placeholderTs?: string;
}

export type { Escalation, EscalationInput, EscalationSaveResult, EscalationState } from '../escalation/types.js';

export interface Turn {
  role: 'user' | 'assistant';
  text: string;
  at: number;
}

export type FeedbackKind = 'helpful' | 'not_helpful' | 'solved' | 'still_need_human' | 'ask_senior';

/**
 * Release copy waiting for its requester: `pending` shows buttons, `posting` is held by one Approve
 * click while the post goes out, `replaced` by a regeneration; `approved` and `discarded` are final.
 */
export type CopyDraftStatus = 'pending' | 'posting' | 'approved' | 'discarded' | 'replaced';

export interface CopyDraftRecord {
  id: string;
  /** The requester: the only person who may edit, approve or discard it. */
  user: string;
  /** Where it was requested (ephemeral replies go there). */
  channel: string;
  /** The commit messages it was drafted from, already sanitized: the guards' fact inventory. */
  messages: string[];
  draft: CopyDraft;
  status: CopyDraftStatus;
  createdAt: number;
  updatedAt: number;
}

export interface CopyApproval {
  id: number;
  draftId: string;
  approver: string;
  /** The announcements channel and the ts of the post. */
  channel: string;
  messageTs?: string;
  /** The text posted, exactly. */
  finalText: string;
  approvedAt: number;
}

export interface DeskmateStore {
  /**
   * Records an event id and, when it is new, the question it carries, in one transaction.
   * Returns the stored question, or undefined when the event (or the same message) was seen before.
   */
  acceptQuestion(question: QuestionInput): Promise<StoredQuestion | undefined>;
  /** Records an event id that carries no question; false when it was seen before. */
  markEventSeen(eventId: string): Promise<boolean>;

  /**
   * The Events API front's inbox: the raw envelope stored (before the 200) under its event id; false
   * when that id was received before (a retry). The body is cleared once a listener has handled it.
   */
  receiveEvent(eventId: string, body: string): Promise<boolean>;
  /** The event was handled: its body is dropped, its id stays (so later retries are still duplicates). */
  settleEvent(eventId: string): Promise<void>;
  /** Events received before `receivedBefore` (epoch ms) and never settled: work owed after a crash. */
  unsettledEvents(receivedBefore: number): Promise<Array<{ eventId: string; body: string }>>;
  pendingQuestions(): Promise<StoredQuestion[]>;
  getQuestion(id: number): Promise<StoredQuestion | undefined>;
  finishQuestion(id: number, status: Exclude<QuestionStatus, 'pending'>, replyTs?: string): Promise<void>;
  /** Keeps the placeholder's ts with the pending question (see StoredQuestion.placeholderTs). */
  setPlaceholder(id: number, placeholderTs: string): Promise<void>;
  recentQuestions(user: string, limit: number): Promise<StoredQuestion[]>;

  /** Threads Deskmate answers in; `proactive` ones got their one unprompted reply. */
  markThread(channel: string, threadTs: string, kind: 'answered' | 'proactive'): Promise<void>;
  threadKind(channel: string, threadTs: string): Promise<'answered' | 'proactive' | undefined>;

  addTurn(conversation: string, turn: Turn): Promise<void>;
  recentTurns(conversation: string, limit: number): Promise<Turn[]>;

  openEscalation(input: EscalationInput): Promise<Escalation>;
  getEscalation(id: number): Promise<Escalation | undefined>;
  escalationForThread(channel: string, threadTs: string): Promise<Escalation | undefined>;
  /** Compare-and-set on `version`: saves only when nobody saved since `escalation` was read. */
  saveEscalation(escalation: Escalation): Promise<EscalationSaveResult>;
  listEscalations(state?: EscalationState): Promise<Escalation[]>;

  /** Round-robin cursor per topic: returns the current value and advances it. */
  nextRotation(topic: string): Promise<number>;

  recordFeedback(questionId: number, user: string, kind: FeedbackKind): Promise<void>;
  feedbackFor(questionId: number): Promise<Array<{ user: string; kind: FeedbackKind }>>;

  /**
   * Inserts the draft, or replaces its text, status and updatedAt while it is still `pending`;
   * false (nothing written) when it has moved on meanwhile (posting, approved, discarded, replaced).
   */
  saveCopyDraft(draft: CopyDraftRecord): Promise<boolean>;
  getCopyDraft(id: string): Promise<CopyDraftRecord | undefined>;
  /** Compare-and-set on the status, so two clicks (or replicas) never both win; true when it moved. */
  moveCopyDraft(id: string, from: CopyDraftStatus, to: CopyDraftStatus): Promise<boolean>;
  /**
   * Records who approved what and marks the draft approved, in one transaction; undefined (nothing
   * written) when the draft is no longer pending or posting (discarded, replaced or approved meanwhile).
   */
  recordCopyApproval(approval: Omit<CopyApproval, 'id'>): Promise<CopyApproval | undefined>;
  copyApprovals(draftId?: string): Promise<CopyApproval[]>;

  /**
   * Retention: removes answered questions, event ids, DM turns, feedback, resolved escalations and
   * thread markers older than `cutoffMs` (epoch ms). Pending questions and open escalations stay.
   */
  purgeOlderThan(cutoffMs: number): Promise<PurgeCounts>;
  /**
   * The app was uninstalled or its tokens revoked: delete everything stored for the workspace. A store
   * serves one installation, so this empties it; `teamId` is for the log and for multi-workspace stores.
   */
  forgetWorkspace(teamId: string): Promise<void>;

  close(): Promise<void>;
}
