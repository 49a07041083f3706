// 小程序本机校验页：绑定手机号前确认是本机号码
// Mini-program OnePass page: confirm the number is this phone's before binding it.
import { OnePassAPI } from '../../libs/gt-onepass';

const onePass = new OnePassAPI({ app_id: 'your_onepass_app_id' });

Page({
  data: { phone: '', tip: '' },

  onPhoneInput(e: WechatMiniprogram.Input) {
    this.setData({ phone: e.detail.value });
  },

  onVerifyTap() {
    onePass.getToken({
      phone: this.data.phone,
      success: (result: { process_id: string; accesscode: string }) => {
        wx.request({
          url: 'https://api.example.com/onepass/verify',
          method: 'POST',
          data: { process_id: result.process_id, accesscode: result.accesscode, phone: this.data.phone },
        });
      },
      fail: (err: { code: number; msg: string }) => {
        this.setData({ tip: tipFor(err.code) });
      },
    });
  },
});

/** 小程序端 OnePass 返回码 → 提示 / mini-program OnePass codes → hint */
function tipFor(code: number): string {
  switch (code) {
    case 100:
    case 101:
      return '网络不稳定，请稍后重试';
    case 102:
    case 103:
      return '中国电信校验失败，请改用短信验证';
    case 104:
      return '中国移动校验失败，请改用短信验证';
    case 107:
    case 109:
      return '中国联通校验失败，请改用短信验证';
    default:
      return `校验失败（${code}），请改用短信验证`;
  }
}
