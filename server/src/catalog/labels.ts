/** Bilingual names for the catalog's enumerations, used by every renderer (CLI, hover, code lens). */
import type { Bilingual, Category, Carrier, Platform, Product } from './types';

export const PRODUCT_LABELS: Readonly<Record<Product, Bilingual>> = {
  onelogin: { zh: 'APP 一键登录 (OneLogin)', en: 'OneLogin (app)' },
  onepass: { zh: 'APP 本机校验 (OnePass)', en: 'OnePass (app)' },
  'onelogin-h5': { zh: 'H5 一键登录 (OneLoginAPI)', en: 'OneLogin H5 (OneLoginAPI)' },
  'onepass-h5': { zh: 'H5 本机校验 (OnePassAPI)', en: 'OnePass H5 (OnePassAPI)' },
  carrier: { zh: '运营商', en: 'Carrier' },
};

export const PLATFORM_LABELS: Readonly<Record<Platform, Bilingual>> = {
  server: { zh: '服务端', en: 'Server' },
  android: { zh: 'Android', en: 'Android' },
  ios: { zh: 'iOS', en: 'iOS' },
  harmonyos: { zh: 'HarmonyOS', en: 'HarmonyOS' },
  web: { zh: 'H5', en: 'Web' },
  miniprogram: { zh: '小程序', en: 'Mini-program' },
  cmcc: { zh: '中国移动', en: 'China Mobile (CMCC)' },
  cucc: { zh: '中国联通', en: 'China Unicom (CUCC)' },
  ctcc: { zh: '中国电信', en: 'China Telecom (CTCC)' },
};

export const CARRIER_LABELS: Readonly<Record<Carrier, Bilingual>> = {
  cmcc: PLATFORM_LABELS.cmcc,
  cucc: PLATFORM_LABELS.cucc,
  ctcc: PLATFORM_LABELS.ctcc,
};

/** The carrier alone, for running text ("-40101 (China Mobile)"). */
export const CARRIER_SHORT_LABELS: Readonly<Record<Carrier, Bilingual>> = {
  cmcc: { zh: '移动', en: 'China Mobile' },
  cucc: { zh: '联通', en: 'China Unicom' },
  ctcc: { zh: '电信', en: 'China Telecom' },
};

export const CATEGORY_LABELS: Readonly<Record<Category, Bilingual>> = {
  success: { zh: '成功', en: 'Success' },
  'user-cancelled': { zh: '用户取消', en: 'User cancelled' },
  'network-sim': { zh: '网络 / SIM 卡', en: 'Network / SIM' },
  'developer-config': { zh: '开发配置', en: 'Developer configuration' },
  'account-balance': { zh: '账户余额 / 限额', en: 'Account balance / quota' },
  'token-expired': { zh: '凭证失效，重新获取', en: 'Token expired: fetch again' },
  'transient-retry': { zh: '临时故障，重试', en: 'Transient: retry' },
  'vendor-support': { zh: '联系服务商', en: 'Contact vendor support' },
  'carrier-cascade': { zh: '查看运营商错误码', en: "See the carrier's code" },
};

/** A table named by its product and platform: "OneLogin (app) · Android" (`separator` " " in running text). */
export function tableLabel(product: Product, platform: Platform, lang: keyof Bilingual, separator = ' · '): string {
  return `${PRODUCT_LABELS[product][lang]}${separator}${PLATFORM_LABELS[platform][lang]}`;
}

/** The same, in both languages. */
export function tableLabels(product: Product, platform: Platform, separator = ' · '): Bilingual {
  return { zh: tableLabel(product, platform, 'zh', separator), en: tableLabel(product, platform, 'en', separator) };
}
