/** An escalation as the escalation workflow sees it; the store persists it (src/store implements the repository). */
export type EscalationState = 'open' | 'claimed' | 'resolved';

export interface EscalationInput {
  questionId?: number;
  channel: string;
  threadTs: string;
  asker: string;
  question: string;
  topic: string;
  senior: string;
  reason: string;
}

export interface Escalation extends EscalationInput {
  id: number;
  state: EscalationState;
  claimedBy?: string;
  resolvedBy?: string;
  /** ts of the escalation notice in the thread, so buttons can update it. */
  noticeTs?: string;
  /** When the current senior was given it (reminders and hand-overs count from here); createdAt when absent. */
  assignedAt?: number;
  remindedAt?: number;
  /** When the senior was DMed; unset while it waits for their working hours. */
  notifiedAt?: number;
  createdAt: number;
  updatedAt: number;
  /**
   * Bumped by every save. A save names the version it read and loses (EscalationSaveResult) when
   * another writer saved since: a sweep on one replica never overwrites a claim made on another.
   */
  version?: number;
}

/** A compare-and-set save: the saved escalation (new version), or why it did not save and what is there now. */
export type EscalationSaveResult = { ok: true; escalation: Escalation } | { ok: false; reason: 'conflict' | 'missing'; current?: Escalation };
