package com.example.shop.login;

import android.app.Activity;
import android.content.Intent;
import android.os.Bundle;
import android.text.TextUtils;
import android.util.Log;
import android.widget.Toast;

import com.geetest.onelogin.OneLoginHelper;
import com.geetest.onelogin.config.OneLoginThemeConfig;
import com.geetest.onelogin.listener.AbstractOneLoginListener;

import org.json.JSONObject;

/**
 * 一键登录页：先预取号，用户点击“本机号码一键登录”后取 token，交给服务端换手机号。
 * One-tap login: pre-fetch the number, get a token when the user taps the button, and let our
 * server exchange it for the phone number.
 */
public class OneLoginActivity extends Activity {

    private static final String TAG = "OneLogin";
    private static final String APP_ID = BuildConfig.ONELOGIN_APP_ID;

    // 用户主动离开授权页 / the user left the authorization page on purpose
    private static final String USER_PRESSED_BACK = "-20301";
    private static final String USER_TAPPED_TITLE_BACK = "-20302";
    private static final String USER_SWITCHED_ACCOUNT = "-20303";

    private boolean preTokenReady;
    private boolean retriedOnce;

    @Override
    protected void onCreate(Bundle savedInstanceState) {
        super.onCreate(savedInstanceState);
        setContentView(R.layout.activity_one_login);
        OneLoginHelper.with().init(getApplicationContext(), APP_ID);
        preGetToken();
        findViewById(R.id.btn_one_login).setOnClickListener(v -> requestToken());
    }

    private void preGetToken() {
        OneLoginHelper.with().preGetToken(APP_ID, 5000, new AbstractOneLoginListener() {
            @Override
            public void onResult(JSONObject result) {
                if (result.optInt("status") == 200) {
                    preTokenReady = true;
                    return;
                }
                String errorCode = result.optString("errorCode");
                if (TextUtils.equals(errorCode, "-20202")) {
                    toast("请打开移动数据后再试 / Please turn on mobile data");
                } else if ("-20404".equals(errorCode)) {
                    // 上一次预取号还没结束，忽略这次回调 / a pre-fetch is still running, ignore
                    Log.d(TAG, "pre-fetch already in progress");
                } else {
                    // 其余情况（包括运营商 SDK 失败）都降级为短信登录
                    // everything else, carrier SDK failures included, falls back to SMS
                    Log.w(TAG, "preGetToken failed: " + result);
                    preTokenReady = false;
                }
            }
        });
    }

    private void requestToken() {
        if (!preTokenReady) {
            openSmsLogin();
            return;
        }
        // 授权页样式在 buildTheme() 里按设计稿配置 / the page style follows the design in buildTheme()
        OneLoginThemeConfig theme = buildTheme();
        OneLoginHelper.with().requestToken(theme, new AbstractOneLoginListener() {
            @Override
            public void onResult(JSONObject result) {
                OneLoginHelper.with().dismissAuthActivity();
                String errorCode = result.optString("errorCode");
                if (result.optInt("status") == 200) {
                    LoginApi.exchangeToken(result.optString("process_id"), result.optString("token"));
                } else if (!retriedOnce && isWorthRetrying(errorCode)) {
                    // 偶发失败，自动重试一次 / transient failure: retry once
                    retriedOnce = true;
                    requestToken();
                } else {
                    onTokenFailed(errorCode, result);
                }
            }
        });
    }

    /** 取号失败的处理：运营商 SDK 的失败交给 CarrierErrorAdvisor。 */
    private void onTokenFailed(String errorCode, JSONObject result) {
        switch (errorCode) {
            case USER_PRESSED_BACK:
            case USER_TAPPED_TITLE_BACK:
                // 用户自己返回的，不打扰 / the user went back on purpose: stay quiet
                break;
            case USER_SWITCHED_ACCOUNT:
                openSmsLogin();
                break;
            case "-20200":
            case "-20202":
                toast("网络不可用，请打开移动数据 / No mobile data");
                break;
            case "-40101":
            case "-40201":
            case "-40301":
            case "-40102":
            case "-40202":
            case "-40302":
                // 运营商 SDK 失败：真正的原因在 metadata 里运营商自己的错误码
                // a carrier SDK failed: the reason is the carrier's own code in metadata
                toast(CarrierErrorAdvisor.advise(errorCode, result.optJSONObject("metadata")));
                openSmsLogin();
                break;
            default:
                openSmsLogin();
        }
    }

    /** 超时和移动取号失败多为偶发，值得重试一次 / timeouts and China Mobile token failures are often transient. */
    private static boolean isWorthRetrying(String errorCode) {
        return "-20105".equals(errorCode) || "-40102".equals(errorCode);
    }

    private OneLoginThemeConfig buildTheme() {
        return new OneLoginThemeConfig.Builder().build();
    }

    private void openSmsLogin() {
        startActivity(new Intent(this, SmsLoginActivity.class));
    }

    private void toast(String message) {
        Toast.makeText(this, message, Toast.LENGTH_SHORT).show();
    }
}
