/**
 * HTML for the webviews: Markdown rendered with raw HTML escaped, and a page shell with a strict
 * Content-Security-Policy (no network, scripts only with the page's nonce). No `vscode` import.
 */
import { Marked } from 'marked';

const markdown = new Marked({
  gfm: true,
  breaks: false,
  renderer: {
    // The cards never contain HTML; anything that looks like it is shown as text.
    html: ({ text }) => escapeHtml(text),
  },
});

/** The hover card's Markdown as HTML. */
export function renderMarkdown(text: string): string {
  return markdown.parse(text, { async: false });
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/gu, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** JSON that is safe inside a <script> element. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</gu, '\\u003c').replace(/\u2028/gu, '\\u2028').replace(/\u2029/gu, '\\u2029');
}

export function nonce(): string {
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  let text = '';
  for (let i = 0; i < 32; i++) text += chars[Math.floor(Math.random() * chars.length)];
  return text;
}

export interface PageOptions {
  readonly title: string;
  readonly lang: string;
  readonly body: string;
  readonly nonce: string;
  /** Extra inline script (runs with the nonce). */
  readonly script?: string;
}

/** A complete page: nothing may load from the network, styles and scripts only inline with the nonce. */
export function page(options: PageOptions): string {
  const csp = [
    "default-src 'none'",
    `style-src 'nonce-${options.nonce}'`,
    `script-src 'nonce-${options.nonce}'`,
    "img-src 'none'",
    "font-src 'none'",
    "connect-src 'none'",
    "form-action 'none'",
    "frame-src 'none'",
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="${escapeHtml(options.lang)}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>${escapeHtml(options.title)}</title>
<style nonce="${options.nonce}">${STYLE}</style>
</head>
<body>
${options.body}
${options.script ? `<script nonce="${options.nonce}">${options.script}</script>` : ''}
</body>
</html>`;
}

const STYLE = `
body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); color: var(--vscode-foreground);
  background: var(--vscode-editor-background); padding: 0 20px 20px; line-height: 1.5; }
a { color: var(--vscode-textLink-foreground); }
code { font-family: var(--vscode-editor-font-family); background: var(--vscode-textCodeBlock-background); padding: 0 3px; border-radius: 3px; }
hr { border: 0; border-top: 1px solid var(--vscode-widget-border, var(--vscode-panel-border)); }
h1 { font-size: 1.4em; font-weight: 600; }
.query { color: var(--vscode-descriptionForeground); }
.search { position: sticky; top: 0; background: var(--vscode-editor-background); padding: 12px 0 8px; display: flex; gap: 12px; align-items: center; }
.search input { flex: 1; padding: 4px 6px; color: var(--vscode-input-foreground); background: var(--vscode-input-background);
  border: 1px solid var(--vscode-input-border, transparent); font: inherit; }
.search input:focus { outline: 1px solid var(--vscode-focusBorder); }
.count { color: var(--vscode-descriptionForeground); white-space: nowrap; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; vertical-align: top; padding: 4px 8px; border-bottom: 1px solid var(--vscode-widget-border, var(--vscode-panel-border)); }
th { position: sticky; top: 52px; background: var(--vscode-editor-background); font-weight: 600; }
td.code { font-family: var(--vscode-editor-font-family); white-space: nowrap; }
td ol { margin: 0; padding-left: 1.2em; }
.muted { color: var(--vscode-descriptionForeground); }
button.link { background: none; border: 0; padding: 0; color: var(--vscode-textLink-foreground); cursor: pointer; font: inherit; }
`;
