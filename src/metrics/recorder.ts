import { childLogger } from '../log.js';
import { looksLikeQuestion } from '../text/question.js';
import { isSenior, seniorPings, threadRef, type Roster } from './pings.js';
import type { ChannelKind, DeskmateMode, MetricEvent, MetricFeedback, MetricsStore } from './types.js';

const log = childLogger('metrics.recorder');

export interface QuestionAsked {
  ref: string;
  user: string;
  channel: string;
  channelKind: ChannelKind;
  intent?: string;
  confidence?: number;
  topic?: string;
  /** Sanitized question text; dropped for DMs. */
  text?: string;
  /** When the question arrived (epoch ms), so time to first answer includes retrieval; default now. */
  at?: number;
}

export interface ChannelMessage {
  channel: string;
  ts: string;
  threadTs?: string;
  user: string;
  text: string;
}

/**
 * What the Slack listeners call. Recording never throws: a metrics outage is logged and the answer
 * still goes out. Every event carries the mode (observe or active) so baselines separate themselves.
 */
export class MetricsRecorder {
  constructor(
    private readonly store: MetricsStore,
    private readonly mode: DeskmateMode,
    private readonly now: () => number = Date.now,
  ) {}

  private async put(event: Omit<MetricEvent, 'at' | 'mode'>, at = this.now()): Promise<void> {
    try {
      await this.store.record({ ...event, at, mode: this.mode });
    } catch (err) {
      log.warn({ err, type: event.type }, 'metric event not recorded');
    }
  }

  questionAsked(q: QuestionAsked): Promise<void> {
    const { user, channelKind, text, at, ...rest } = q;
    return this.put({ type: 'question_asked', actor: user, channelKind, ...rest, text: channelKind === 'dm' ? undefined : text }, at);
  }

  /** `by` is 'bot' for Deskmate, else the user id of the person who answered. */
  answered(ref: string, by: string): Promise<void> {
    return this.put({ type: 'answered', ref, actor: by });
  }

  escalated(ref: string, senior: string, reason: string): Promise<void> {
    return this.put({ type: 'escalated', ref, actor: 'bot', senior, reason });
  }

  escalationClaimed(ref: string, senior: string): Promise<void> {
    return this.put({ type: 'escalation_claimed', ref, actor: senior, senior });
  }

  escalationResolved(ref: string, senior: string): Promise<void> {
    return this.put({ type: 'escalation_resolved', ref, actor: senior, senior });
  }

  feedback(ref: string, user: string, kind: MetricFeedback): Promise<void> {
    return this.put({ type: 'feedback', ref, actor: user, feedback: kind });
  }

  /**
   * A channel message Deskmate saw: a senior's reply in a thread, or a non-senior's pings of seniors.
   * Returns the seniors it interrupted. Stores no message text.
   */
  async observeChannelMessage(message: ChannelMessage, roster: Roster): Promise<string[]> {
    const ref = threadRef(message.channel, message.threadTs ?? message.ts);
    if (isSenior(message.user, roster)) {
      if (message.threadTs && message.threadTs !== message.ts) await this.put({ type: 'senior_replied', ref, actor: message.user, senior: message.user, channel: message.channel, channelKind: 'channel' });
      return [];
    }
    const pinged = seniorPings(message, roster);
    const isQuestion = looksLikeQuestion(message.text.replace(/<[^>]*>/g, ' '));
    for (const senior of pinged) await this.put({ type: 'senior_ping', ref, actor: message.user, senior, channel: message.channel, channelKind: 'channel', isQuestion });
    return pinged;
  }
}
