/**
 * Source files for the benchmark: realistic handler code in each language, repeated with filler code
 * between handlers (about one handler per 60 lines), and files with no candidate at all.
 */
import type { SourceLanguage } from '../server/src/analysis/types';

type Block = (i: number) => string;

const BLOCKS: Readonly<Record<Exclude<SourceLanguage, 'javascript'>, { header: string; block: Block; filler: Block; footer: string; ext: string }>> = {
  typescript: {
    ext: 'ts',
    header: "import { OneLoginHelper } from '@geetest/onelogin';\nexport class Login {\n",
    block: (i) => `  onResult${i}(result: { errorCode: string; metadata: { resultCode?: string } }): string {
    // 一键登录结果 ${i} 📱
    const code = result.errorCode;
    if (code === '-20301' || code === '-20302') {
      return 'cancel';
    } else if (code === '-40101') {
      return 'cmcc:' + result.metadata.resultCode;
    } else if (code === '-20202') {
      return 'no-network';
    }
    switch (code) {
      case '-40102': return 'token';
      case '-50100': return 'config';
      default: return 'fail';
    }
  }
`,
    filler: (i) => `  helper${i}(items: number[]): number {
    let total = 0;
    for (const item of items) {
      total += item * ${i % 97};
    }
    return total > 1000 ? total - 1 : total + 1;
  }
`,
    footer: '}\n',
  },
  arkts: {
    ext: 'ets',
    header: "import { OneLoginHelper } from '@geetest/onelogin';\n@Entry\n@Component\nstruct LoginPage {\n  @State message: string = '';\n",
    block: (i) => `  onResult${i}(result: Record<string, string>) {
    // 结果 ${i}
    if (result.errorCode === '-20301') {
      this.message = 'cancel';
    } else if (result.errorCode === '-40101') {
      this.message = 'cmcc';
    }
  }
`,
    filler: (i) => `  build${i}() {
    Column() {
      Text('item ${i}').fontSize(16)
      Button('ok').onClick(() => { this.message = '${i}'; })
    }
    .width('100%')
  }
`,
    footer: '}\n',
  },
  java: {
    ext: 'java',
    header: 'package demo;\nimport com.geetest.onelogin.OneLoginHelper;\npublic class Login {\n',
    block: (i) => `  String onResult${i}(org.json.JSONObject json) {
    // 一键登录结果 ${i}
    String errorCode = json.optString("errorCode");
    if ("-20301".equals(errorCode) || "-20302".equals(errorCode)) {
      return "cancel";
    } else if (errorCode.equals("-40101")) {
      return "cmcc";
    }
    switch (errorCode) {
      case "-40102": return "token";
      case "-20202": return "no-network";
      default: return "fail";
    }
  }
`,
    filler: (i) => `  int helper${i}(int[] items) {
    int total = 0;
    for (int item : items) {
      total += item * ${i % 97};
    }
    return total > 1000 ? total - 1 : total + 1;
  }
`,
    footer: '}\n',
  },
  kotlin: {
    ext: 'kt',
    header: 'package demo\nimport com.geetest.onelogin.OneLoginHelper\nclass Login {\n',
    block: (i) => `  fun onResult${i}(errorCode: String): String {
    // 一键登录结果 ${i}
    return when (errorCode) {
      "-20301", "-20302" -> "cancel"
      "-40101" -> "cmcc"
      "-20202" -> "no-network"
      else -> "fail"
    }
  }
`,
    filler: (i) => `  fun helper${i}(items: List<Int>): Int {
    var total = 0
    for (item in items) {
      total += item * ${i % 97}
    }
    return if (total > 1000) total - 1 else total + 1
  }
`,
    footer: '}\n',
  },
  swift: {
    ext: 'swift',
    header: 'import OneLoginSDK\nclass Login {\n',
    block: (i) => `  func onResult${i}(_ result: [String: Any]) -> String {
    // 一键登录结果 ${i}
    guard let code = result["errorCode"] as? String else { return "none" }
    if code == "-20301" || code == "-20302" {
      return "cancel"
    }
    switch code {
    case "-40101": return "cmcc"
    case "-20202": return "no-network"
    default: return "fail"
    }
  }
`,
    filler: (i) => `  func helper${i}(_ items: [Int]) -> Int {
    var total = 0
    for item in items {
      total += item * ${i % 97}
    }
    return total > 1000 ? total - 1 : total + 1
  }
`,
    footer: '}\n',
  },
  objc: {
    ext: 'm',
    header: '#import <OneLoginSDK/OneLoginSDK.h>\n@implementation Login\n',
    block: (i) => `- (NSString *)onResult${i}:(NSDictionary *)result {
    // 一键登录结果 ${i}
    NSString *errCode = result[@"errorCode"];
    if ([errCode isEqualToString:@"-20301"] || [@"-20302" isEqualToString:errCode]) {
        return @"cancel";
    } else if ([errCode integerValue] == -40101) {
        return @"cmcc";
    }
    return @"fail";
}
`,
    filler: (i) => `- (NSInteger)helper${i}:(NSArray<NSNumber *> *)items {
    NSInteger total = 0;
    for (NSNumber *item in items) {
        total += item.integerValue * ${i % 97};
    }
    return total > 1000 ? total - 1 : total + 1;
}
`,
    footer: '@end\n',
  },
};

export const BENCH_LANGUAGES = Object.keys(BLOCKS) as (keyof typeof BLOCKS)[];

export function extensionOf(language: keyof typeof BLOCKS): string {
  return BLOCKS[language].ext;
}

/** A file of about `lines` lines: handlers every few fillers. */
export function generateFile(language: keyof typeof BLOCKS, lines: number): string {
  const { header, block, filler, footer } = BLOCKS[language];
  const parts = [header];
  let count = header.split('\n').length;
  for (let i = 0; count < lines; i++) {
    const piece = i % 5 === 0 ? block(i) : filler(i);
    parts.push(piece);
    count += piece.split('\n').length - 1;
  }
  parts.push(footer);
  return parts.join('');
}

/** The same file with no candidate literal: only fillers. */
export function generateQuietFile(language: keyof typeof BLOCKS, lines: number): string {
  const { header, filler, footer } = BLOCKS[language];
  const parts = [header.replace(/import.*\n/gu, '')];
  let count = 1;
  for (let i = 0; count < lines; i++) {
    const piece = filler(i);
    parts.push(piece);
    count += piece.split('\n').length - 1;
  }
  parts.push(footer);
  return parts.join('');
}
