import { loadOpenApi } from '../../../ingest/loaders/openapi';
import { ErrorCode } from '../../../src/errors';

const spec = `
openapi: 3.0.3
info: { title: Pets, version: "1" }
paths:
  /pets/{id}:
    parameters:
      - { name: id, in: path, required: true, schema: { type: integer, format: int64 } }
    get:
      operationId: getPet
      summary: Fetch a pet
      tags: [pets]
      parameters:
        - { name: fields, in: query, description: Comma-separated fields, schema: { type: string, default: all } }
      responses:
        "200": { description: The pet, content: { application/json: { schema: { $ref: "#/components/schemas/Pet" } } } }
        "404": { description: No such pet }
    put:
      summary: Replace a pet
      requestBody:
        content: { application/json: { schema: { $ref: "#/components/schemas/Pet" } } }
      responses: { "204": { description: Replaced } }
components:
  schemas:
    Pet:
      type: object
      required: [name]
      properties:
        name: { type: string, description: The pet's name }
        kind: { type: string, enum: [cat, dog] }
        parent: { $ref: "#/components/schemas/Pet" }
`;

describe('OpenAPI loader', () => {
  it('makes one chunk per operation with method, path, parameters, body fields and responses', async () => {
    const { chunks } = await loadOpenApi(Buffer.from(spec), 'pets.yaml');
    const get = chunks.find((c) => c.section === 'GET /pets/{id}')!;
    expect(get.kind).toBe('openapi-operation');
    expect(get.text).toContain('GET /pets/{id} — Fetch a pet');
    expect(get.text).toContain('- id (path, integer(int64), required)');
    expect(get.text).toContain('- fields (query, string): default "all"; Comma-separated fields');
    expect(get.text).toContain('- 404: No such pet');
    expect(get.meta).toEqual({
      method: 'GET',
      path: '/pets/{id}',
      operationId: 'getPet',
      summary: 'Fetch a pet',
      tags: ['pets'],
      parameters: [
        { name: 'id', in: 'path', type: 'integer(int64)', required: true },
        { name: 'fields', in: 'query', type: 'string', required: false, default: 'all' },
      ],
    });
    const put = chunks.find((c) => c.section === 'PUT /pets/{id}')!;
    expect(put.text).toContain('- name (string, required): The pet\'s name');
    expect(put.text).toContain('- kind (string): one of cat, dog');
  });

  it('makes one chunk per named schema and survives a circular reference', async () => {
    const { chunks } = await loadOpenApi(Buffer.from(spec), 'pets.yaml');
    const pet = chunks.find((c) => c.section === 'schema Pet')!;
    expect(pet.kind).toBe('openapi-schema');
    expect(pet.text).toContain('- parent (');
    expect(chunks).toHaveLength(3);
  });

  it('reads Swagger 2 JSON (body and query parameters, definitions)', async () => {
    const swagger = {
      swagger: '2.0',
      info: { title: 'Old', version: '1' },
      paths: {
        '/orders': {
          post: {
            parameters: [
              { name: 'dry_run', in: 'query', type: 'boolean', default: false },
              { name: 'body', in: 'body', schema: { $ref: '#/definitions/Order' } },
            ],
            responses: { 201: { description: 'Created', schema: { $ref: '#/definitions/Order' } } },
          },
        },
      },
      definitions: { Order: { type: 'object', properties: { total: { type: 'number' } } } },
    };
    const { chunks } = await loadOpenApi(Buffer.from(JSON.stringify(swagger)), 'old.json');
    const post = chunks.find((c) => c.section === 'POST /orders')!;
    expect(post.meta?.parameters).toEqual([{ name: 'dry_run', in: 'query', type: 'boolean', required: false, default: false }]);
    expect(post.text).toContain('- total (number)');
    expect(post.text).toContain('- 201: Created → object');
    expect(chunks.map((c) => c.section)).toContain('schema Order');
  });

  it('keeps going when a $ref dangles', async () => {
    const broken = spec.replace('#/components/schemas/Pet" } } } }', '#/components/schemas/Missing" } } } }');
    const { chunks } = await loadOpenApi(Buffer.from(broken), 'pets.yaml');
    expect(chunks.find((c) => c.section === 'GET /pets/{id}')!.text).toContain('- 200: The pet → Missing');
  });

  it('rejects invalid YAML, truncated JSON and a non-API document with ParseFailed', async () => {
    await expect(loadOpenApi(Buffer.from('openapi: 3.0.0\npaths: [unclosed\n  x: :'), 'bad.yaml')).rejects.toMatchObject({
      code: ErrorCode.ParseFailed,
      message: expect.stringMatching(/^bad\.yaml: invalid YAML/),
    });
    await expect(loadOpenApi(Buffer.from('{"openapi": "3.0.0", "paths": {"/a": {'), 'cut.json')).rejects.toMatchObject({
      code: ErrorCode.ParseFailed,
      message: expect.stringMatching(/^cut\.json: invalid JSON/),
    });
    await expect(loadOpenApi(Buffer.from('name: app\nport: 8080\n'), 'config.yaml')).rejects.toMatchObject({ code: ErrorCode.ParseFailed });
  });
});
