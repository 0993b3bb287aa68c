import type { Config, LlmTask } from '../config.js';
import { llmConfigured } from '../config.js';
import { childLogger } from '../log.js';
import { Budget, type BudgetVerdict } from './budget.js';
import { chatModelFor, modelNameFor, type TaskModel } from './models.js';

const log = childLogger('llm.gateway');

/** Why a task runs on the offline path: nothing configured, or a budget limit. */
type OfflineReason = 'not_configured' | NonNullable<BudgetVerdict['fallback']>;

/**
 * What a capability gets when it wants a model: the task's model (metered), or the offline
 * decision with its reason. `blocked` carries the budget verdict so the answer can say which
 * limit was hit and when it lifts.
 */
export interface ModelGate {
  model: TaskModel | null;
  offline?: OfflineReason;
  blocked?: BudgetVerdict;
}

/** The one way capabilities reach a language model: per task and per user, budget and metering inside. */
export interface ModelGateway {
  forTask(task: LlmTask, user?: string): Promise<ModelGate>;
  /** Resolves when every usage record started so far is written. */
  settled(): Promise<void>;
  close(): Promise<void>;
}

/** No model anywhere: every task answers offline, and no usage store is ever opened. */
export class OfflineGateway implements ModelGateway {
  async forTask(): Promise<ModelGate> {
    return { model: null, offline: 'not_configured' };
  }
  async settled(): Promise<void> {}
  async close(): Promise<void> {}
}

/** Models from config (per task: model, base URL, timeout), within the team's budget, metered. */
export class BudgetedGateway implements ModelGateway {
  constructor(
    private readonly config: Config,
    readonly budget: Budget = new Budget(config),
  ) {}

  async forTask(task: LlmTask, user?: string): Promise<ModelGate> {
    const verdict = await this.budget.check(task, user);
    if (!verdict.allowed) {
      log.info({ task, fallback: verdict.fallback }, 'LLM budget reached; answering offline');
      return { model: null, offline: verdict.fallback, blocked: verdict };
    }
    const model = await chatModelFor(this.config, task, [this.budget.meterHandler(task, user, modelNameFor(this.config, task))]);
    return model ? { model } : { model: null, offline: 'not_configured' };
  }

  settled(): Promise<void> {
    return this.budget.settled();
  }

  close(): Promise<void> {
    return this.budget.close();
  }
}

/** Any task with a model (the default one, or a per-task base URL) makes the gateway a budgeted one. */
export function createModelGateway(config: Config, budget?: Budget): ModelGateway {
  const anyModel = llmConfigured(config) || Object.values(config.models).some((m) => m?.baseUrl);
  return anyModel ? new BudgetedGateway(config, budget) : new OfflineGateway();
}
