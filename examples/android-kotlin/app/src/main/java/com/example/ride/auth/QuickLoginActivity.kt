package com.example.ride.auth

import android.content.Intent
import android.os.Bundle
import android.util.Log
import android.widget.Toast
import androidx.appcompat.app.AppCompatActivity
import com.geetest.onelogin.OneLoginHelper
import com.geetest.onelogin.config.OneLoginThemeConfig
import com.geetest.onelogin.listener.AbstractOneLoginListener
import org.json.JSONObject

/**
 * 打车 App 的一键登录页。
 * One-tap login screen of a ride-hailing app.
 */
class QuickLoginActivity : AppCompatActivity() {

    companion object {
        private const val TAG = "QuickLogin"

        // OneLogin Android 返回码 / OneLogin Android return codes
        private const val USER_BACK = "-20301"
        private const val USER_BACK_TITLE_BAR = "-20302"
        private const val SWITCH_ACCOUNT = "-20303"
        private const val NO_NETWORK = "-20200"
        private const val NO_MOBILE_DATA = "-20202"
        private const val NOT_THREE_CARRIERS = "-20203"
        private const val CMCC_PREFETCH_FAILED = "-40101"
    }

    private val oneLogin: OneLoginHelper get() = OneLoginHelper.with()

    override fun onCreate(savedInstanceState: Bundle?) {
        super.onCreate(savedInstanceState)
        setContentView(R.layout.activity_quick_login)
        oneLogin.init(applicationContext, BuildConfig.ONELOGIN_APP_ID)
        oneLogin.preGetToken(BuildConfig.ONELOGIN_APP_ID, 5000, object : AbstractOneLoginListener() {
            override fun onResult(json: JSONObject) = onPreGetTokenResult(json)
        })
        findViewById<android.view.View>(R.id.login_button).setOnClickListener { login() }
    }

    private fun onPreGetTokenResult(json: JSONObject) {
        if (json.optInt("status") == 200) return
        val errorCode = json.optString("errorCode")
        // 预取号失败只记录，点击登录时再决定 / only log here, decide when the user taps login
        when (errorCode) {
            NO_NETWORK, NO_MOBILE_DATA -> Log.i(TAG, "no mobile data yet")
            "-40101", "-40201", "-40301", "-40102", "-40202", "-40302" ->
                CarrierReport.send(errorCode, json.optJSONObject("metadata"))
            else -> Log.w(TAG, "preGetToken failed: $json")
        }
    }

    private fun login() {
        oneLogin.requestToken(OneLoginThemeConfig.Builder().build(), object : AbstractOneLoginListener() {
            override fun onResult(json: JSONObject) {
                oneLogin.dismissAuthActivity()
                if (json.optInt("status") == 200) {
                    AuthRepository.signIn(json.getString("process_id"), json.getString("token"))
                } else {
                    onLoginFailed(json.optString("errorCode"))
                }
            }
        })
    }

    private fun onLoginFailed(errorCode: String) {
        when (errorCode) {
            USER_BACK, USER_BACK_TITLE_BAR -> Unit // 用户主动返回，不打扰
            SWITCH_ACCOUNT -> openSmsLogin()
            NO_NETWORK, NO_MOBILE_DATA -> toast("📶 请打开移动数据后重试")
            NOT_THREE_CARRIERS -> openSmsLogin()
            "-20209" -> toast("授权页打开超时，请重试") // authorization page timed out
            CMCC_PREFETCH_FAILED -> toast("登录失败，请稍后再试") // generic toast
            else -> openSmsLogin()
        }
    }

    private fun openSmsLogin() = startActivity(Intent(this, SmsLoginActivity::class.java))

    private fun toast(message: String) = Toast.makeText(this, message, Toast.LENGTH_SHORT).show()
}
