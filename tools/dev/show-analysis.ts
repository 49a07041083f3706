/** Prints the analysis of fixture files: npx tsx tools/dev/show-analysis.ts typescript/app-bridge.ts … */
import { analyzeFixture, referencesOf, findingsOf, handlersOf } from '../../test/support/analysis';
(async () => {
  for (const f of process.argv.slice(2)) {
    const { text, analysis } = await analyzeFixture(f);
    console.log('##', f, analysis.skipped ?? '', JSON.stringify(analysis.context));
    console.log(JSON.stringify(handlersOf(text, analysis)));
    console.log(JSON.stringify(referencesOf(text, analysis)));
    console.log(JSON.stringify(findingsOf(text, analysis)));
  }
})();
