import SwaggerParser from '@apidevtools/swagger-parser';
import YAML from 'yaml';
import type { ChunkDraft, LoadedSource } from '../../src/ports/chunk.js';
import { childLogger } from '../../src/log.js';
import { capText, isObj, oneLine, schemaFieldLines, schemaType, type RefResolver } from './openapi-schema-text.js';
import { decodeText, describeCause, parseFailed } from './parse-failed.js';

type Obj = Record<string, unknown>;
const log = childLogger('ingest.openapi');
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
const MAX_CHARS = 2000;

interface OperationParameter {
  name: string;
  in: string;
  type: string;
  required: boolean;
  default?: unknown;
}

/** Parses JSON or YAML into a plain object, with a ParseFailed error naming the problem. */
function parseStructured(content: Buffer, relPath: string): Obj {
  const text = decodeText(content, relPath);
  let data: unknown;
  try {
    data = /\.json$/i.test(relPath) ? JSON.parse(text) : YAML.parse(text, { maxAliasCount: 1000 });
  } catch (err) {
    throw parseFailed(relPath, `invalid ${/\.json$/i.test(relPath) ? 'JSON' : 'YAML'}: ${describeCause(err)}`, err);
  }
  if (!isObj(data)) throw parseFailed(relPath, 'expected an object at the top level');
  return data;
}

/**
 * Resolves `$ref`s inside the document (never fetching external files or URLs). Circular
 * references stay as `$ref` objects, which the renderers print by name; if resolution fails
 * (a dangling reference), the raw document is used the same way rather than losing the file.
 */
async function dereferenced(doc: Obj, relPath: string): Promise<Obj> {
  try {
    const api = await SwaggerParser.dereference(structuredClone(doc) as never, {
      resolve: { external: false },
      dereference: { circular: 'ignore' },
    });
    return api as unknown as Obj;
  } catch (err) {
    log.warn({ path: relPath, err: describeCause(err) }, 'could not resolve every $ref; indexing the spec unresolved');
    return doc;
  }
}

function parameterOf(raw: unknown): OperationParameter | undefined {
  if (!isObj(raw) || typeof raw.name !== 'string') return undefined;
  const schema = isObj(raw.schema) ? raw.schema : raw; // Swagger 2 puts type on the parameter itself
  const param: OperationParameter = {
    name: raw.name,
    in: typeof raw.in === 'string' ? raw.in : 'query',
    type: schemaType(schema),
    required: raw.required === true,
  };
  const dflt = isObj(schema) ? schema.default : undefined;
  if (dflt !== undefined) param.default = dflt;
  return param;
}

/** Path-level parameters apply to every operation unless the operation overrides them by name+in. */
function mergedParameters(pathItem: Obj, op: Obj): unknown[] {
  const own = Array.isArray(op.parameters) ? op.parameters : [];
  const shared = Array.isArray(pathItem.parameters) ? pathItem.parameters : [];
  const key = (p: unknown): string => (isObj(p) ? `${String(p.in)}:${String(p.name)}` : '');
  const ownKeys = new Set(own.map(key));
  return [...shared.filter((p) => !ownKeys.has(key(p))), ...own];
}

function bodySchema(op: Obj, params: unknown[]): { mediaType?: string; schema?: unknown } {
  if (isObj(op.requestBody) && isObj(op.requestBody.content)) {
    const [mediaType, media] = Object.entries(op.requestBody.content)[0] ?? [];
    return { mediaType, schema: isObj(media) ? media.schema : undefined };
  }
  const body = params.find((p) => isObj(p) && p.in === 'body'); // Swagger 2
  if (isObj(body)) return { schema: body.schema };
  const form = params.filter((p) => isObj(p) && p.in === 'formData');
  return form.length ? { mediaType: 'form', schema: { properties: Object.fromEntries(form.map((p) => [(p as Obj).name, p])) } } : {};
}

function responseLines(responses: unknown): string[] {
  if (!isObj(responses)) return [];
  return Object.entries(responses).map(([code, res]) => {
    if (!isObj(res)) return `- ${code}`;
    const media = isObj(res.content) ? Object.values(res.content)[0] : undefined;
    const schema = isObj(media) ? media.schema : res.schema;
    const returns = schema ? ` → ${schemaType(schema)}` : '';
    return `- ${code}: ${oneLine(res.description, 200) || 'no description'}${returns}`;
  });
}

/** Looks up a local "#/a/b" pointer in the document; external references are not followed. */
function localResolver(doc: Obj): RefResolver {
  return (ref) => {
    if (!ref.startsWith('#/')) return undefined;
    let node: unknown = doc;
    for (const raw of ref.slice(2).split('/')) {
      const key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
      node = isObj(node) ? node[key] : undefined;
    }
    return node;
  };
}

function operationChunk(path: string, method: string, op: Obj, pathItem: Obj, resolve: RefResolver): ChunkDraft {
  const verb = method.toUpperCase();
  const rawParams = mergedParameters(pathItem, op);
  const params = rawParams.map(parameterOf).filter((p): p is OperationParameter => !!p && p.in !== 'body' && p.in !== 'formData');
  const summary = oneLine(op.summary, 200);
  const lines = [`${verb} ${path}${summary ? ` — ${summary}` : ''}`];
  if (op.deprecated === true) lines.push('Deprecated.');
  const description = oneLine(op.description ?? pathItem.description, 600);
  if (description && description !== summary) lines.push(description);
  if (params.length) {
    lines.push('Parameters:');
    for (const p of params) {
      const raw = rawParams.find((r) => isObj(r) && r.name === p.name && r.in === p.in) as Obj;
      const extra = [p.default !== undefined ? `default ${JSON.stringify(p.default)}` : '', oneLine(raw.description, 200)].filter(Boolean);
      lines.push(`- ${p.name} (${p.in}, ${p.type}${p.required ? ', required' : ''})${extra.length ? `: ${extra.join('; ')}` : ''}`);
    }
  }
  const body = bodySchema(op, rawParams);
  if (body.schema) {
    lines.push(`Request body${body.mediaType ? ` (${body.mediaType})` : ''}: ${schemaType(body.schema)}`);
    lines.push(...schemaFieldLines(body.schema, 25, resolve));
  }
  const responses = responseLines(op.responses);
  if (responses.length) lines.push('Responses:', ...responses);
  const tags = Array.isArray(op.tags) ? op.tags.filter((t): t is string => typeof t === 'string') : [];
  return {
    kind: 'openapi-operation',
    section: `${verb} ${path}`,
    text: capText(lines.join('\n'), MAX_CHARS),
    meta: {
      method: verb,
      path,
      operationId: typeof op.operationId === 'string' ? op.operationId : undefined,
      summary: summary || undefined,
      tags,
      parameters: params,
    },
  };
}

function schemaChunk(name: string, schema: unknown, resolve: RefResolver): ChunkDraft {
  const lines = [`Schema ${name}: ${schemaType(schema)}`];
  const desc = isObj(schema) ? oneLine(schema.description, 400) : '';
  if (desc) lines.push(desc);
  if (isObj(schema) && Array.isArray(schema.enum)) lines.push(`Values: ${schema.enum.map(String).join(', ')}`);
  const fields = schemaFieldLines(schema, 40, resolve);
  if (fields.length) lines.push('Fields:', ...fields);
  return { kind: 'openapi-schema', section: `schema ${name}`, text: capText(lines.join('\n'), MAX_CHARS), meta: { schema: name } };
}

/** OpenAPI 3.x / Swagger 2.0 → one chunk per operation and one per named schema. */
export async function loadOpenApi(content: Buffer, relPath: string): Promise<LoadedSource> {
  const raw = parseStructured(content, relPath);
  if (!raw.openapi && !raw.swagger) throw parseFailed(relPath, 'not an OpenAPI or Swagger document (no "openapi" or "swagger" field)');
  if (raw.paths !== undefined && !isObj(raw.paths)) throw parseFailed(relPath, '"paths" must be an object');
  const api = await dereferenced(raw, relPath);
  const resolve = localResolver(raw);
  const chunks: ChunkDraft[] = [];
  for (const [path, item] of Object.entries(isObj(api.paths) ? api.paths : {})) {
    if (!isObj(item)) continue;
    for (const method of METHODS) {
      const op = item[method];
      if (isObj(op)) chunks.push(operationChunk(path, method, op, item, resolve));
    }
  }
  const schemas = (isObj(api.components) && isObj(api.components.schemas) ? api.components.schemas : api.definitions) ?? {};
  if (isObj(schemas)) for (const [name, schema] of Object.entries(schemas)) chunks.push(schemaChunk(name, schema, resolve));
  return { chunks };
}
