import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A loopback OpenAI-compatible server: /v1/chat/completions (plain and SSE streaming) and
 * /v1/embeddings (float or base64, as the OpenAI client asks). Tests script its behaviour.
 */
interface ChatRequest {
  model: string;
  messages: Array<{ role: string; content: string }>;
  stream?: boolean;
  [key: string]: unknown;
}

type ChatBehaviour =
  | { kind: 'reply'; content: string | ((req: ChatRequest) => string) }
  | { kind: 'status'; status: number; body?: string }
  | { kind: 'malformed' }
  | { kind: 'hang' };

export interface FakeOpenAI {
  baseUrl: string;
  chatRequests: ChatRequest[];
  embeddingRequests: Array<{ model: string; input: string[] }>;
  setChat(behaviour: ChatBehaviour): void;
  /** Optional override; default: a deterministic vector per text. */
  setEmbedder(fn: (text: string) => number[]): void;
  close(): Promise<void>;
}

function defaultVector(text: string, dims = 8): number[] {
  const v = new Array<number>(dims).fill(0);
  for (let i = 0; i < text.length; i++) v[(text.charCodeAt(i) + i) % dims] += 1;
  const norm = Math.sqrt(v.reduce((s, x) => s + x * x, 0)) || 1;
  return v.map((x) => x / norm);
}

export async function startFakeOpenAI(): Promise<FakeOpenAI> {
  let behaviour: ChatBehaviour = { kind: 'reply', content: 'ok' };
  let embed: (text: string) => number[] = (t) => defaultVector(t);
  const chatRequests: ChatRequest[] = [];
  const embeddingRequests: Array<{ model: string; input: string[] }> = [];
  const sockets = new Set<import('node:net').Socket>();

  const server = http.createServer((req, res) => {
    const parts: Buffer[] = [];
    req.on('data', (c: Buffer) => parts.push(c));
    req.on('end', () => {
      let body: Record<string, unknown> = {};
      try {
        body = JSON.parse(Buffer.concat(parts).toString('utf8') || '{}');
      } catch {
        res.writeHead(400).end('{"error":{"message":"bad json"}}');
        return;
      }
      if (req.url?.endsWith('/embeddings')) {
        const input = Array.isArray(body.input) ? (body.input as string[]) : [String(body.input)];
        embeddingRequests.push({ model: String(body.model), input });
        const base64 = body.encoding_format === 'base64';
        const data = input.map((text, index) => {
          const vec = embed(text);
          const embedding = base64 ? Buffer.from(new Float32Array(vec).buffer).toString('base64') : vec;
          return { object: 'embedding', index, embedding };
        });
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ object: 'list', data, model: body.model, usage: { prompt_tokens: 1, total_tokens: 1 } }));
        return;
      }
      if (req.url?.endsWith('/chat/completions')) {
        const chatReq = body as unknown as ChatRequest;
        chatRequests.push(chatReq);
        const b = behaviour;
        if (b.kind === 'hang') return; // never answers; the client's timeout must fire
        if (b.kind === 'status') {
          res.writeHead(b.status, { 'content-type': 'application/json' });
          res.end(b.body ?? JSON.stringify({ error: { message: 'fake failure', type: 'server_error' } }));
          return;
        }
        if (b.kind === 'malformed') {
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end('{"choices": [ this is not json');
          return;
        }
        const content = typeof b.content === 'function' ? b.content(chatReq) : b.content;
        const id = `chatcmpl-${chatRequests.length}`;
        const usage = { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 };
        if (chatReq.stream) {
          res.writeHead(200, { 'content-type': 'text/event-stream' });
          const chunk = (delta: Record<string, unknown>, finish: string | null) =>
            `data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created: 0, model: chatReq.model, choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`;
          res.write(chunk({ role: 'assistant', content }, null));
          res.write(chunk({}, 'stop'));
          res.end('data: [DONE]\n\n');
          return;
        }
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ id, object: 'chat.completion', created: 0, model: chatReq.model, choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }], usage }));
        return;
      }
      res.writeHead(404).end('{"error":{"message":"not found"}}');
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    chatRequests,
    embeddingRequests,
    setChat: (b) => (behaviour = b),
    setEmbedder: (fn) => (embed = fn),
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
