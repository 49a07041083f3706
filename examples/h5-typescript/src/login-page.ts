// H5 一键登录页（在手机浏览器里用本机号码登录）
// H5 one-tap login page: log in with this phone's number from a mobile browser.
import { OneLoginAPI } from './vendor/onelogin-h5';

interface TokenSuccess {
  process_id: string;
  token: string;
  authcode?: string;
}

interface TokenFail {
  code: number;
  msg: string;
}

const oneLogin = new OneLoginAPI({ app_id: 'your_h5_app_id', timeout: 8000 });

const button = document.querySelector<HTMLButtonElement>('#one-login')!;
const hint = document.querySelector<HTMLParagraphElement>('#hint')!;

button.addEventListener('click', () => {
  button.disabled = true;
  oneLogin.gateway();
});

oneLogin.onTokenSuccess(async (data: TokenSuccess) => {
  const resp = await fetch('/api/login/onelogin', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ process_id: data.process_id, token: data.token, authcode: data.authcode }),
  });
  if (resp.ok) location.assign('/me');
  else showHint('登录失败，请使用短信验证码登录');
});

oneLogin.onTokenFail((res: TokenFail) => {
  button.disabled = false;
  console.warn('一键登录失败 ⚠️', res.code === 40000 ? '当前运营商不支持' : res.msg);
  switch (res.code) {
    case 30001:
    case 30002:
      // 用户关闭授权页或选择其他方式 / the user closed the page or chose another method
      goToSmsLogin();
      break;
    case 10010:
    case 10012:
    case 10030:
      showHint('网络异常，请关闭 Wi-Fi 后使用移动数据重试');
      break;
    case 10031:
    case 10032:
    case 10033:
      showHint('中国移动认证失败，请使用短信验证码登录');
      break;
    case 10040:
    case 10061:
    case 10062:
      showHint('中国联通认证失败，请使用短信验证码登录');
      break;
    case 10051:
    case 10052:
    case 10070:
    case 10072:
    case 10073:
      showHint('中国电信认证失败，请使用短信验证码登录');
      break;
    case 40000:
      goToSmsLogin();
      break;
    default:
      showHint(`登录失败（${res.code}），请使用短信验证码登录`);
  }
});

function showHint(text: string): void {
  hint.textContent = text;
}

function goToSmsLogin(): void {
  location.assign('/login/sms');
}
