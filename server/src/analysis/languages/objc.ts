/** objc: not written yet (placeholder so the language table compiles). */
import type { LanguageSpec } from './spec';

export const objcSpec: LanguageSpec | undefined = undefined;
