// ESLint plugin `outflow`: a relative import must stay inside the package (the folder with the nearest package.json) of the file importing it.
import { existsSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

const roots = new Map();

/** The folder of the nearest package.json above `dir` (cached per folder). */
function packageRoot(dir) {
  if (roots.has(dir)) return roots.get(dir);
  const parent = dirname(dir);
  const root = existsSync(join(dir, 'package.json')) || parent === dir ? dir : packageRoot(parent);
  roots.set(dir, root);
  return root;
}

const noRelativeImportOutsidePackage = {
  meta: {
    type: 'problem',
    docs: { description: 'Disallow relative imports that leave the importing package; import the other package by its name.' },
    schema: [],
    messages: { outside: '"{{source}}" leaves package {{pkg}}; import the other package by its name (@outflow/...) through its exports.' },
  },
  create(context) {
    const file = context.physicalFilename;
    const root = packageRoot(dirname(file));
    const check = (node) => {
      const source = node?.type === 'Literal' && typeof node.value === 'string' ? node.value : undefined;
      if (!source || !(source === '..' || source.startsWith('../') || source.startsWith('./'))) return;
      const target = resolve(dirname(file), source);
      const rel = relative(root, target);
      if (rel === '..' || rel.startsWith(`..${sep}`))
        context.report({ node, messageId: 'outside', data: { source, pkg: relative(process.cwd(), root) || '.' } });
    };
    return {
      ImportDeclaration: (node) => check(node.source),
      ExportNamedDeclaration: (node) => check(node.source),
      ExportAllDeclaration: (node) => check(node.source),
      ImportExpression: (node) => check(node.source),
      TSImportType: (node) => check(node.argument?.type === 'TSLiteralType' ? node.argument.literal : node.argument),
    };
  },
};

export default { meta: { name: 'outflow' }, rules: { 'no-relative-import-outside-package': noRelativeImportOutsidePackage } };
