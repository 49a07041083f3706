/** Prints a file's syntax tree with field names: npx tsx tools/dev/print-tree.ts <grammar> <file>. */
import { Parser, Language } from 'web-tree-sitter';
import { readFileSync } from 'node:fs';
(async () => {
  await Parser.init();
  const [grammar, file] = process.argv.slice(2);
  const lang = await Language.load(`/work/main/server/grammars/tree-sitter-${grammar}.wasm`);
  const p = new Parser(); p.setLanguage(lang);
  const tree = p.parse(readFileSync(file!, 'utf8'))!;
  const print = (n: any, d: number, field: string | null) => {
    const f = field ? field + ': ' : '';
    const txt = n.childCount === 0 ? ' ' + JSON.stringify(n.text) : '';
    if (n.isNamed || n.childCount===0) console.log('  '.repeat(d) + f + n.type + txt);
    for (let i = 0; i < n.childCount; i++) print(n.child(i), d + 1, n.fieldNameForChild(i));
  };
  print(tree.rootNode, 0, null);
})();
