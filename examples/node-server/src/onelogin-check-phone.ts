// OneLogin 服务端：用客户端拿到的 process_id + token 调 check_phone 换取手机号
// OneLogin server side: exchange the app's process_id + token for the phone number (check_phone API).
import express from 'express';
import { createHmac } from 'node:crypto';

const APP_ID = process.env.ONELOGIN_APP_ID ?? '';
const APP_KEY = process.env.ONELOGIN_APP_KEY ?? '';
const CHECK_PHONE_URL = 'https://onelogin.geetest.com/check_phone';

interface CheckPhoneAnswer {
  status: number;
  result?: { phone: string };
  error_msg?: string;
}

/** check_phone 的返回码 → 给 App 的提示和处理方式 / check_phone codes → what the app is told */
function explainFailure(status: number): { retry: boolean; message: string } {
  switch (status) {
    case 500:
      return { retry: true, message: '运营商取号失败，请稍后重试' };
    case 12000:
    case 12001:
    case 12002:
    case 12003:
    case 12004:
    case 11300:
      return { retry: false, message: '请求参数错误' };
    case 12005:
      return { retry: true, message: '服务器时间不准，请校准后重试' };
    case 12006:
    case 12007:
    case 12008:
    case 12102:
    case 12103:
    case 12105:
    case 12106:
    case 12107:
    case 12109:
      // 后台配置问题：报警给运维，不要让用户重试 / a console/config problem: alert ops
      return { retry: false, message: '服务配置异常，请使用短信验证码登录' };
    case 12100:
    case 12101:
    case 12108:
    case 12200:
      return { retry: true, message: '登录已过期，请重新点击一键登录' };
    case 12104:
      return { retry: false, message: '服务暂不可用，请使用短信验证码登录' };
    default:
      return { retry: false, message: `一键登录失败（${status}）` };
  }
}

const app = express();
app.use(express.json());

app.post('/api/login/onelogin', async (req, res) => {
  const { process_id, token } = req.body as { process_id?: string; token?: string };
  if (!process_id || !token) {
    res.status(400).json({ message: '缺少 process_id 或 token' });
    return;
  }
  const timestamp = String(Date.now());
  const sign = createHmac('sha256', APP_KEY).update(`${APP_ID}&&${timestamp}`).digest('hex');
  const upstream = await fetch(CHECK_PHONE_URL, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ app_id: APP_ID, process_id, token, timestamp, sign, is_phone_encode: false }),
  });
  const answer = (await upstream.json()) as CheckPhoneAnswer;
  if (answer.status === 200 && answer.result) {
    res.json({ phone: answer.result.phone });
    return;
  }
  const failure = explainFailure(answer.status);
  console.warn('check_phone failed', answer.status, answer.error_msg);
  res.status(401).json(failure);
});

app.listen(Number(process.env.PORT ?? 3000));
