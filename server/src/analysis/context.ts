/**
 * Which SDK a file talks to, read from its text: identifiers of the OneLogin / OnePass SDKs, signs of
 * a mini-program or a server, and signs of look-alikes (Oracle's -20xxx errors, uni-app univerify and
 * GeTui reuse the same numbers). Typed tables of patterns, tried in order; no parse needed.
 */
import type { Platform, Product } from '../catalog/types';
import type { FileContext, SourceLanguage } from './types';

interface Signal<T> {
  readonly value: T;
  readonly pattern: RegExp;
}

/** Identifiers and imports that only code using that product's SDK contains. */
const PRODUCT_SIGNALS: readonly Signal<Product>[] = [
  { value: 'onelogin-h5', pattern: /\bOneLoginAPI\b|\bGOneLogin\b|@geetest\/onelogin[-_]h5|\bgt-onelogin\b/u },
  { value: 'onepass-h5', pattern: /\bOnePassAPI\b|\bGOnePass\b|@geetest\/onepass[-_]h5|\bgt-onepass\b/u },
  {
    value: 'onelogin',
    pattern:
      /\bOneLogin(?:Helper|Pro|Manager|ThemeConfig|Callback|Result|Listener|Module|Kit)\b|\bGOL(?:Manager|AuthViewModel|AuthView|Result)\b|com\.geetest\.onelogin|@geetest\/onelogin(?![-_]h5)|<OneLoginSDK\/|\bimport\s+OneLoginSDK\b|\bOLErrorCode_\d+|\boneLoginThemeConfig\b|\bQPOneLogin\b/u,
  },
  {
    value: 'onepass',
    pattern:
      /\bOnePass(?:Helper|Manager|Listener|Callback|Module|Kit)\b|\bGOP(?:Manager|Error\w*|OnePass\w*)\b|com\.geetest\.onepass|@geetest\/onepass(?![-_]h5)|<OnePassSDK\/|\bimport\s+OnePassSDK\b|<GTOnePass\w*\//u,
  },
];

/**
 * A word every PRODUCT_SIGNALS pattern needs (OneLogin…, OnePass…, onelogin/onepass in package
 * names, GOL…, GOP…, OLErrorCode_…). One scan for these settles most files, where the four patterns
 * above are four scans. A new signal must contain one of them (test/unit/context.test.ts checks one
 * example per signal).
 */
const SDK_WORDS = /[Oo]ne(?:Login|Pass)|onelogin|onepass|GOL|GOP|OLErrorCode_/u;

/** A file using any of these is not talking to our SDKs, whatever numbers it compares. */
const LOOK_ALIKE_SIGNALS: readonly Signal<string>[] = [
  { value: 'Oracle', pattern: /RAISE_APPLICATION_ERROR|\bORA-\d{5}\b|\bSQLException\b|\boracledb\b|\bjava\.sql\b/u },
  { value: 'uni-app univerify', pattern: /\buniverify\b/u },
  { value: 'GeTui', pattern: /\bGeTui\b|\bgetui\b|\bGYManager\b|\bGeYan\b|\bgy\.(?:login|init)\b/u },
  { value: 'WeChat', pattern: /\berrcode\b/u },
];

/** Signs that a JavaScript / TypeScript file runs in a mini-program or on a server. */
const JS_PLATFORM_SIGNALS: readonly Signal<Platform>[] = [
  { value: 'miniprogram', pattern: /\b(?:wx|my|tt|swan|qq)\.(?:request|login|getStorage|navigateTo|showToast)\b|\bPage\(\{|\bComponent\(\{/u },
  {
    value: 'server',
    pattern:
      /\brequire\(\s*['"](?:express|koa|http|https|crypto|fastify)['"]\s*\)|\bfrom\s+['"](?:express|koa|fastify|@nestjs\/\w+|node:\w+|crypto|http)['"]|\bprocess\.env\b|\bres\.(?:json|send|status)\(/u,
  },
];

const LANGUAGE_PLATFORM: Readonly<Record<SourceLanguage, Platform | null>> = {
  typescript: null,
  javascript: null,
  java: 'android',
  kotlin: 'android',
  swift: 'ios',
  objc: 'ios',
  arkts: 'harmonyos',
};

export function detectFileContext(text: string, language: SourceLanguage): FileContext {
  const sdkProducts = SDK_WORDS.test(text) ? PRODUCT_SIGNALS.filter((s) => s.pattern.test(text)).map((s) => s.value) : [];
  const lookAlike = LOOK_ALIKE_SIGNALS.find((s) => s.pattern.test(text))?.value ?? null;
  let platform = LANGUAGE_PLATFORM[language];
  if (platform === null) {
    platform = JS_PLATFORM_SIGNALS.find((s) => s.pattern.test(text))?.value ?? (sdkProducts.some(isH5) ? 'web' : null);
  }
  return { language, sdkProducts, platform, lookAlike };
}

function isH5(product: Product): boolean {
  return product === 'onelogin-h5' || product === 'onepass-h5';
}

/** A quick look for any SDK identifier, for the prefilter (cheaper than the full context). */
export function mentionsSdk(text: string): boolean {
  return SDK_WORDS.test(text) && PRODUCT_SIGNALS.some((s) => s.pattern.test(text));
}

/** Whether `text` holds anything any signal above looks for (a change there can change the context). */
export function touchesSignals(text: string): boolean {
  return [...PRODUCT_SIGNALS, ...LOOK_ALIKE_SIGNALS, ...JS_PLATFORM_SIGNALS].some((s) => s.pattern.test(text));
}
