import { HumanMessage } from '@langchain/core/messages';
import { configSchema } from '../../src/config';
import { BudgetedGateway, createModelGateway, OfflineGateway } from '../../src/llm/gateway';
import { Budget } from '../../src/llm/budget';
import { startFakeOpenAI, type FakeOpenAI } from '../support/fake-openai';
import { tmpDir } from '../support/tmp';

describe('model gateway', () => {
  let fake: FakeOpenAI;
  beforeAll(async () => {
    fake = await startFakeOpenAI();
  });
  afterAll(() => fake.close());

  it('is offline, with its reason, when no model is configured anywhere', async () => {
    const gateway = createModelGateway(configSchema.parse({ dataDir: tmpDir() }));
    expect(gateway).toBeInstanceOf(OfflineGateway);
    await expect(gateway.forTask('answer', 'U1')).resolves.toEqual({ model: null, offline: 'not_configured' });
  });

  it('a per-task base URL alone is enough to reach a model for that task, and only that task', async () => {
    fake.setChat({ kind: 'reply', content: 'from the review model' });
    const config = configSchema.parse({ dataDir: tmpDir(), models: { review: { model: 'local-reviewer', baseUrl: fake.baseUrl } } });
    const gateway = createModelGateway(config);
    const review = await gateway.forTask('review');
    expect(review.model?.name).toBe('local-reviewer');
    const reply = await review.model!.chat.invoke([new HumanMessage('hi')]);
    expect(reply.content).toBe('from the review model');
    expect(fake.chatRequests.at(-1)?.model).toBe('local-reviewer');
    await expect(gateway.forTask('answer')).resolves.toMatchObject({ model: null, offline: 'not_configured' });
    await gateway.close();
  });

  it('meters every call under its task and user, and answers offline past the rate with the verdict', async () => {
    fake.setChat({ kind: 'reply', content: 'metered' });
    const config = configSchema.parse({ dataDir: tmpDir(), openai: { baseUrl: fake.baseUrl }, models: { tutor: { model: 'tutor-model' } }, limits: { perUserPerHour: 1 } });
    const budget = new Budget(config);
    const gateway = new BudgetedGateway(config, budget);
    const first = await gateway.forTask('tutor', 'U7');
    await first.model!.chat.invoke([new HumanMessage('explain pagination')]);
    await gateway.settled();
    const second = await gateway.forTask('tutor', 'U7');
    expect(second).toMatchObject({ model: null, offline: 'rate_limited', blocked: { allowed: false, fallback: 'rate_limited' } });
    expect((await gateway.forTask('tutor', 'U8')).model?.name).toBe('tutor-model');
    expect(await budget.totals(0, Date.now() + 1)).toEqual([expect.objectContaining({ task: 'tutor', model: 'tutor-model', calls: 1 })]);
    await gateway.close();
  });
});
