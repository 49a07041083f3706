/** java: not written yet (placeholder so the language table compiles). */
import type { LanguageSpec } from './spec';

export const javaSpec: LanguageSpec | undefined = undefined;
