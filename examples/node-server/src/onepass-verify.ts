// OnePass H5 服务端：校验网页端拿到的 accesscode 是否就是用户输入的手机号
// OnePass H5 server side: check that the web page's accesscode belongs to the phone number the user typed.
import express from 'express';
import { createHmac } from 'node:crypto';

const APP_ID = process.env.ONEPASS_APP_ID ?? '';
const APP_KEY = process.env.ONEPASS_APP_KEY ?? '';
const VERIFY_URL = 'https://onepass.geetest.com/v2.0/result';

/** 校验接口返回码 → 给用户的提示 / verify API codes → the hint for the user */
const FAILURE_HINTS: Record<number, string> = {
  21002: '服务暂不可用，请使用短信验证',
  21003: '请求参数错误',
  21004: '校验已过期，请重试',
  21005: '校验已过期，请重试',
  21006: '服务器时间不准，请稍后重试',
  21007: '服务配置异常，请使用短信验证',
  21008: '请求参数错误',
  21009: '请输入手机号',
  21010: '号码校验失败，请使用短信验证',
  22001: '服务配置异常，请使用短信验证',
  22002: '服务配置异常，请使用短信验证',
  12108: 'accesscode 已失效，请重新校验',
  23000: '该号码今日校验次数已达上限',
  23001: '非法来源',
  23002: '非法来源',
};

const app = express();
app.use(express.json());

app.post('/api/onepass/verify', async (req, res) => {
  const { process_id, accesscode, phone } = req.body as Record<string, string | undefined>;
  const sign = createHmac('sha256', APP_KEY).update(`${APP_ID}&&${process_id}`).digest('hex');
  const upstream = await fetch(VERIFY_URL, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ app_id: APP_ID, process_id, accesscode, phone, sign }),
  });
  const answer = (await upstream.json()) as { status: number; result?: string; error_msg?: string };
  // status == 200 且 result == "0" 才是本机号码 / verified only when status is 200 and result is "0"
  if (answer.status === 200 && answer.result === '0') {
    res.json({ verified: true });
    return;
  }
  const hint = FAILURE_HINTS[answer.status] ?? '本机校验失败，请使用短信验证';
  res.status(200).json({ verified: false, hint, status: answer.status });
});

app.listen(Number(process.env.PORT ?? 3000));
