package com.example.shop.login;

import android.content.Context;

import com.geetest.onepass.OnePassHelper;
import com.geetest.onepass.listener.OnePassListener;

import org.json.JSONObject;

/**
 * 本机校验：确认用户输入的手机号就是本机号码（用于修改密码前的身份确认）。
 * OnePass: checks that the number the user typed is this phone's number.
 */
public final class OnePassVerifier {

    public interface Callback {
        void onVerified(String processId, String accessCode, String phone);

        void onNeedSms(String reason);
    }

    private final Context context;
    private final String appId;

    public OnePassVerifier(Context context, String appId) {
        this.context = context.getApplicationContext();
        this.appId = appId;
    }

    public void verify(final String phone, final Callback callback) {
        OnePassHelper.with().init(context);
        OnePassHelper.with().getToken(phone, appId, new OnePassListener() {
            @Override
            public void onTokenSuccess(JSONObject result) {
                callback.onVerified(result.optString("process_id"), result.optString("accesscode"), phone);
            }

            @Override
            public void onTokenFail(JSONObject result) {
                callback.onNeedSms(reasonFor(result));
            }
        });
    }

    static String reasonFor(JSONObject result) {
        String code = result.optString("errorCode", "0");
        switch (Integer.parseInt(code)) {
            case -20100:
                return "手机号格式不正确 / The phone number is malformed";
            case -20200:
            case -20201:
            case -20202:
                return "请插入 SIM 卡并打开移动数据 / Insert a SIM card and turn on mobile data";
            case -20203:
                return "暂不支持该号码（仅支持三大运营商）/ Only China Mobile, Unicom and Telecom SIMs";
            case -40104:
            case -40204:
            case -40305:
                return "当前网络制式不支持，请切换到 4G / Please switch to 4G";
            case -40101:
            case -40201:
            case -40301:
                // 运营商失败：原因在 metadata 里 / the carrier's reason is in metadata
                return CarrierErrorAdvisor.advise(code, result.optJSONObject("metadata"));
            default:
                return "本机校验失败（" + code + "）/ Verification failed";
        }
    }
}
