import { importSpecifiers, packageName, verifyImports, type ScaffoldLanguage } from '../../src/scaffold/imports';

const universe = {
  declared: new Set(['express', '@acme/http', 'zod', '@types/lodash', 'PyYAML', 'fastapi', 'scikit-learn']),
  knownModules: new Set(['src/http/base-controller.ts', 'src/errors/index.ts', 'src/log.ts', 'app/models.py', 'app/services/__init__.py']),
};

describe('verifyImports', () => {
  it.each<[ScaffoldLanguage, string, boolean]>([
    ['typescript', 'node:fs', true],
    ['typescript', 'fs', true],
    ['typescript', 'fs/promises', true],
    ['typescript', 'express', true],
    ['typescript', '@acme/http', true],
    ['typescript', '@acme/http/middleware', true],
    ['typescript', 'lodash', true], // via @types/lodash
    ['typescript', 'express-validator', false],
    ['typescript', '@acme/httpx', false],
    ['typescript', './http/base-controller.js', true],
    ['typescript', '../../src/log', true],
    ['typescript', '../errors', true],
    ['typescript', '../errors/index.js', true],
    ['typescript', './http/made-up-helper.js', false],
    ['typescript', './controller', false], // base-controller is not controller: segment boundary
    ['typescript', '@/http/base-controller', true], // path alias into the project
    ['python', 'os', true],
    ['python', 'os.path', true],
    ['python', 'yaml', true], // PyYAML
    ['python', 'sklearn.linear_model', true], // scikit-learn
    ['python', 'fastapi', true],
    ['python', 'app.models', true],
    ['python', '.models', true],
    ['python', 'app.services', true],
    ['python', 'flask', false],
    ['python', '.repositories', false],
  ])('%s import %j resolves: %s', (language, spec, resolved) => {
    const code = language === 'python' ? (spec.startsWith('.') ? `from ${spec} import x` : `import ${spec}`) : `import x from '${spec}';`;
    const [check] = verifyImports(code, language, universe);
    expect(check.specifier).toBe(spec);
    expect(check.resolved).toBe(resolved);
    expect(check.reason).toBeTruthy();
  });

  it('says why when nothing is declared', () => {
    const [check] = verifyImports("import x from 'left-pad';", 'javascript', { declared: new Set(), knownModules: new Set() });
    expect(check).toMatchObject({ resolved: false, reason: expect.stringMatching(/no declared dependencies/) });
  });
});

describe('importSpecifiers', () => {
  it('finds static, side-effect, dynamic and require imports, not ones in comments', () => {
    const code = [
      "import a from 'a';",
      "import type { B } from \"b\";",
      "import 'c';",
      "const d = require('d');",
      "const e = await import('e');",
      "export * from './f.js';",
      "// import z from 'commented-out';",
      "/* import y from 'also-commented'; */",
      "const url = 'http://example.com'; // a string with // inside",
    ].join('\n');
    expect(importSpecifiers(code, 'typescript')).toEqual(['a', 'b', 'c', 'd', 'e', './f.js']);
  });

  it('reads Python imports, including parenthesised multi-line ones', () => {
    const code = 'import os, sys as system\nfrom app.models import (\n    Item,\n    Order,\n)\nfrom . import views  # local\n';
    expect(importSpecifiers(code, 'python')).toEqual(['os', 'sys', 'app.models', '.']);
  });

  it.each([
    ['@scope/pkg/sub/deep', '@scope/pkg'],
    ['lodash/fp', 'lodash'],
    ['react', 'react'],
  ])('packageName(%j) = %j', (spec, name) => expect(packageName(spec)).toBe(name));
});
