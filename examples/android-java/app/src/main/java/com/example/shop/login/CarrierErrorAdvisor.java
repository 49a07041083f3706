package com.example.shop.login;

import org.json.JSONObject;

/**
 * 把运营商 SDK 的失败（-40101 … -40302）翻译成给用户的提示。
 * 级联错误码只说明是哪家运营商失败了，原因要看 metadata 里运营商自己的错误码：
 * 移动 resultCode，联通 code / resultCode，电信 result。
 *
 * Turns a carrier SDK failure (-40101 … -40302, from OneLoginHelper or OnePassHelper) into a hint
 * for the user. The cascading code only names the carrier; the reason is the carrier's own code
 * in the result's metadata.
 */
final class CarrierErrorAdvisor {

    private CarrierErrorAdvisor() {
    }

    static String advise(String errorCode, JSONObject metadata) {
        if (metadata == null) {
            return "本机号码校验失败，请使用短信验证码 / Please use an SMS code";
        }
        switch (errorCode) {
            case "-40101":
            case "-40102":
                return forChinaMobile(metadata.optString("resultCode"));
            case "-40201":
            case "-40202":
                return forChinaUnicom(metadata.optString("code", metadata.optString("resultCode")));
            case "-40301":
            case "-40302":
                return forChinaTelecom(metadata.optInt("result"));
            default:
                return "登录失败（" + errorCode + "）/ Login failed";
        }
    }

    /** 中国移动 / China Mobile */
    private static String forChinaMobile(String resultCode) {
        switch (resultCode) {
            case "103111":
                return "检测到网络代理，请关闭 VPN 后重试 / Turn off your VPN or proxy and retry";
            case "105002":
                return "物联网卡不支持一键登录 / IoT SIM cards cannot use one-tap login";
            case "102507":
                return "网络较慢，请稍后重试 / The network is slow, please retry";
            default:
                return "中国移动认证失败（" + resultCode + "）";
        }
    }

    /** 中国联通 / China Unicom */
    private static String forChinaUnicom(String code) {
        switch (code) {
            case "3005":
            case "102001":
                return "请关闭 Wi-Fi，使用移动数据重试 / Turn off Wi-Fi and retry over mobile data";
            case "201001":
                return "请求过于频繁，请稍后再试 / Too many requests, try again later";
            default:
                return "中国联通认证失败（" + code + "）";
        }
    }

    /** 中国电信 / China Telecom */
    private static String forChinaTelecom(int result) {
        switch (result) {
            case -8100:
                return "请打开移动数据 / Please turn on mobile data";
            case -8003:
                return "网络超时，请稍后重试 / Timed out, try again later";
            default:
                return "中国电信认证失败（" + result + "）";
        }
    }
}
