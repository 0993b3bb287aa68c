import { loaderFor, loadCode, loadDependencies, loadToml, SUPPORTED_EXTENSIONS } from '../../../ingest/loaders/index';
import { jsImportSpecifiers, MAX_CODE_BYTES } from '../../../ingest/loaders/code';
import { pythonImportSpecifiers } from '../../../ingest/loaders/code-scan-py';
import { ErrorCode } from '../../../src/errors';

const TS = `// Base controller every HTTP handler extends.
import { Request, Response } from 'express';
import type { Logger } from 'pino';
import {
  NotFoundError,
  ValidationError,
} from './errors.js';
const fs = require('node:fs');

/**
 * Wraps handlers so errors become JSON problems.
 * Contains a brace in a comment: {
 */
export abstract class BaseController {
  protected readonly log: Logger;
  constructor(log: Logger) {
    this.log = log;
  }
  protected fail(res: Response, err: Error) {
    const msg = \`failed: \${err.message} {not a brace}\`;
    res.status(500).json({ msg, re: /[}{]/.test(msg) });
  }
}

export interface Page<T> {
  items: T[];
  next?: string;
}

export type Handler = (req: Request) =>
  Promise<void>;

const LIMIT = '}';

export async function listItems(req: Request): Promise<Page<string>> {
  if (!req.query) throw new ValidationError("missing { query");
  return { items: [] };
}

@Injectable()
export class ItemsController extends BaseController {}

export default function handler() {}
router.get('/x', listItems);
`;

const PY = `"""Service layer.

def not_a_function():
    pass
"""
import os, json as j
from .models import (
    Item,
    Order,
)
from app.errors import NotFound

MAX = 10


@dataclass
class Item:
    name: str

    def total(self):
        return 1


async def fetch(id: int) -> Item:
    s = """
def inside_string(): pass
"""
    return Item(name=s)


def _helper(x):
    return [x,
# a comment at column 0 inside brackets
            x]
`;

describe('loadCode: TypeScript/JavaScript', () => {
  it('cuts one chunk per top-level symbol, skipping braces in strings, templates, regexes and comments', async () => {
    const { chunks } = await loadCode(Buffer.from(TS), 'src/http/base.ts');
    expect(chunks.map((c) => c.section)).toEqual([
      'class BaseController',
      'interface Page',
      'type Handler',
      'const LIMIT',
      'function listItems',
      'class ItemsController',
      'function handler',
    ]);
    expect(chunks.every((c) => c.kind === 'code' && c.meta?.language === 'typescript')).toBe(true);
  });

  it('puts the file\'s imports in front of each chunk and lists their module specifiers', async () => {
    const { chunks } = await loadCode(Buffer.from(TS), 'src/http/base.ts');
    const base = chunks.find((c) => c.section === 'class BaseController')!;
    expect(base.meta?.imports).toEqual(['express', 'pino', './errors.js', 'node:fs']);
    expect(base.meta?.symbol).toBe('BaseController');
    expect(base.text.startsWith("// Base controller every HTTP handler extends.\nimport { Request, Response } from 'express';")).toBe(true);
    expect(base.text).toContain('  ValidationError,\n} from \'./errors.js\';');
    // The JSDoc above the class goes with it; the class body is whole.
    expect(base.text).toContain('Wraps handlers so errors become JSON problems.');
    expect(base.text).toContain('res.status(500)');
    expect(base.line).toBe(10);
  });

  it('keeps decorators with their class and trailing statements with the symbol above', async () => {
    const { chunks } = await loadCode(Buffer.from(TS), 'src/http/base.ts');
    expect(chunks.find((c) => c.section === 'class ItemsController')!.text).toContain('@Injectable()\nexport class ItemsController');
    expect(chunks.find((c) => c.section === 'function handler')!.text).toContain("router.get('/x', listItems);");
    expect(chunks.find((c) => c.section === 'type Handler')!.text).toContain('Promise<void>;');
  });

  it('reads CommonJS: require imports, module.exports and exports.name', async () => {
    const js = "'use strict';\nconst express = require('express');\nconst { join } = require('path');\n\nfunction a() { return 1; }\nexports.b = () => 2;\nmodule.exports = { a };\n";
    const { chunks } = await loadCode(Buffer.from(js), 'lib/a.cjs');
    expect(chunks.map((c) => c.section)).toEqual(['function a', 'export b', 'module.exports']);
    expect(chunks[0].meta).toMatchObject({ language: 'javascript', imports: ['express', 'path'] });
  });

  it('counts re-exports as imports', async () => {
    const { chunks } = await loadCode(Buffer.from("export * from './a.js';\nexport { b } from './b.js';\nexport const c = 1;\n"), 'index.ts');
    expect(chunks[0].meta?.imports).toEqual(['./a.js', './b.js']);
  });

  it.each([
    ["import x from 'a';", ['a']],
    ["import 'polyfill';", ['polyfill']],
    ["import * as ns from \"@scope/pkg/sub\";", ['@scope/pkg/sub']],
    ["const { a, b } = require( 'c' );", ['c']],
    ["export { x } from './y';", ['./y']],
  ])('jsImportSpecifiers(%j) = %j', (stmt, expected) => {
    expect(jsImportSpecifiers(stmt)).toEqual(expected);
  });
});

describe('loadCode: Python', () => {
  it('cuts top-level def/class blocks by indentation, ignoring defs inside docstrings and strings', async () => {
    const { chunks } = await loadCode(Buffer.from(PY), 'app/service.py');
    expect(chunks.map((c) => c.section)).toEqual(['module', 'class Item', 'def fetch', 'def _helper']);
    const item = chunks.find((c) => c.section === 'class Item')!;
    expect(item.text).toContain('@dataclass\nclass Item:');
    expect(item.text).toContain('def total(self)');
    expect(chunks.find((c) => c.section === 'def _helper')!.text).toContain('            x]');
  });

  it('lists module specifiers and prepends the import lines', async () => {
    const { chunks } = await loadCode(Buffer.from(PY), 'app/service.py');
    const fetch = chunks.find((c) => c.section === 'def fetch')!;
    expect(fetch.meta).toMatchObject({ language: 'python', symbol: 'fetch', imports: ['os', 'json', '.models', 'app.errors'] });
    expect(fetch.text).toMatch(/^import os, json as j\nfrom \.models import \(/);
  });

  it.each([
    ['from . import views', ['.']],
    ['from ..pkg.mod import a as b', ['..pkg.mod']],
    ['import a.b.c as d, e', ['a.b.c', 'e']],
  ])('pythonImportSpecifiers(%j) = %j', (stmt, expected) => {
    expect(pythonImportSpecifiers(stmt)).toEqual(expected);
  });
});

describe('loadCode limits', () => {
  it('refuses files over 1 MB with a parse error', async () => {
    await expect(loadCode(Buffer.alloc(MAX_CODE_BYTES + 1, 'a'), 'bundle.js')).rejects.toMatchObject({ code: ErrorCode.ParseFailed });
  });
  it('survives unbalanced code without losing the file', async () => {
    const { chunks } = await loadCode(Buffer.from("function a() {\n  return '\n}\nfunction b() {}\n"), 'broken.js');
    expect(chunks.length).toBeGreaterThanOrEqual(1);
  });
});

describe('declared dependencies', () => {
  it('package.json: dependencies and devDependencies by name', async () => {
    const pkg = JSON.stringify({ name: 'x', dependencies: { express: '^4', '@scope/pkg': '1' }, devDependencies: { jest: '30' } });
    const { chunks } = await loadDependencies(Buffer.from(pkg), 'package.json');
    expect(chunks).toHaveLength(1);
    expect(chunks[0]).toMatchObject({ kind: 'code', section: 'dependencies', meta: { dependencies: ['express', '@scope/pkg', 'jest'], ecosystem: 'npm' } });
  });

  it('requirements.txt: names without versions, extras, markers, options or comments', async () => {
    const txt = '# pinned\nrequests[socks]>=2.31 ; python_version > "3.8"\nDjango==5.0  # web\n-r base.txt\n--index-url https://x\n-e git+https://g/x.git#egg=localpkg\nnumpy\n';
    const { chunks } = await loadDependencies(Buffer.from(txt), 'requirements.txt');
    expect(chunks[0].meta?.dependencies).toEqual(['requests', 'Django', 'numpy']);
  });

  it('pyproject.toml: PEP 621 arrays, optional groups and Poetry tables (not python itself)', async () => {
    const toml = [
      '[project]',
      'name = "svc"',
      'dependencies = [',
      '  "fastapi>=0.110",',
      '  "pydantic[email]~=2.6",',
      ']',
      '[project.optional-dependencies]',
      'dev = ["pytest", "ruff>=0.3"]',
      '[tool.poetry.dependencies]',
      'python = "^3.11"',
      'sqlalchemy = { version = "^2", extras = ["asyncio"] }',
      '[tool.poetry.group.test.dependencies]',
      'hypothesis = "*"',
      '[tool.ruff]',
      'line-length = 100',
    ].join('\n');
    const { chunks } = await loadDependencies(Buffer.from(toml), 'pyproject.toml');
    expect(chunks[0].meta?.dependencies).toEqual(['fastapi', 'pydantic', 'pytest', 'ruff', 'sqlalchemy', 'hypothesis']);
  });

  it('loaderFor sends manifests by name before .json and .txt handling, and code by extension', () => {
    const b = Buffer.from('{}');
    expect(loaderFor('web/package.json', b)).toBe(loadDependencies);
    expect(loaderFor('requirements.txt', b)).toBe(loadDependencies);
    expect(loaderFor('requirements-dev.txt', b)).toBe(loadDependencies);
    expect(loaderFor('pyproject.toml', b)).toBe(loadDependencies);
    expect(loaderFor('notes.txt', b)).not.toBe(loadDependencies);
    expect(loaderFor('tsconfig.json', b)).toBeUndefined();
    expect(loaderFor('Cargo.toml', b)).toBe(loadToml); // TOML is indexed now, one chunk per table
    for (const f of ['a.ts', 'a.tsx', 'a.js', 'a.mjs', 'a.cjs', 'a.jsx', 'a.py']) expect(loaderFor(f, b)).toBe(loadCode);
    expect(SUPPORTED_EXTENSIONS).toEqual(expect.arrayContaining(['.ts', '.py', '.toml', '.json', '.txt']));
  });
});
