/**
 * The two webviews: the explanation card (the hover's Markdown, rendered) and the searchable catalog.
 * Both run without network access under a strict CSP; the catalog's script only filters rows and asks
 * the extension to explain one.
 */
import * as vscode from 'vscode';
import { CATEGORY_LABELS, tableLabel } from '../../server/src/catalog/labels';
import type { PublicRow } from '../../server/src/catalog/public-row';
import type { Lang, Platform, Product } from '../../server/src/catalog/types';
import { VIEW_TYPES } from './constants';
import { escapeHtml, nonce, page, renderMarkdown, scriptJson } from './html';

/** A row of `oneloginCodes.server.catalog`: the public row format, the fields shown here. */
export type CatalogRow = Pick<PublicRow, 'id' | 'product' | 'platform' | 'code' | 'aliases' | 'name' | 'description' | 'steps' | 'category'>;

export interface ExplainRequest {
  readonly query: string;
  readonly product?: Product;
  readonly platform?: Platform;
}

const panelOptions: vscode.WebviewPanelOptions & vscode.WebviewOptions = {
  enableScripts: true,
  enableCommandUris: false,
  enableFindWidget: true,
  localResourceRoots: [],
};

export class ExplainPanel {
  private panel: vscode.WebviewPanel | undefined;

  show(query: string, markdown: string, lang: Lang): void {
    const title = vscode.l10n.t('Explain: {0}', shorten(query));
    if (!this.panel) {
      this.panel = vscode.window.createWebviewPanel(VIEW_TYPES.explain, title, vscode.ViewColumn.Beside, {
        ...panelOptions,
        enableScripts: false,
      });
      this.panel.onDidDispose(() => (this.panel = undefined));
    } else {
      this.panel.title = title;
      this.panel.reveal(undefined, true);
    }
    const n = nonce();
    this.panel.webview.html = page({
      title,
      lang: lang === 'zh' ? 'zh-CN' : 'en',
      nonce: n,
      body: `<p class="query">${escapeHtml(vscode.l10n.t('Query: {0}', query))}</p>\n<article class="card">${renderMarkdown(markdown)}</article>`,
    });
  }

  dispose(): void {
    this.panel?.dispose();
  }
}

export class CatalogPanel {
  private panel: vscode.WebviewPanel | undefined;

  constructor(private readonly onExplain: (request: ExplainRequest) => void) {}

  show(rows: readonly CatalogRow[], lang: Lang): void {
    const title = vscode.l10n.t('Catalog of OneLogin & OnePass error codes');
    if (!this.panel) {
      this.panel = vscode.window.createWebviewPanel(VIEW_TYPES.catalog, title, vscode.ViewColumn.Active, panelOptions);
      this.panel.onDidDispose(() => (this.panel = undefined));
      this.panel.webview.onDidReceiveMessage((message: unknown) => {
        const m = message as { type?: string; code?: unknown; product?: unknown; platform?: unknown };
        if (m.type === 'explain' && typeof m.code === 'number') {
          this.onExplain({ query: String(m.code), product: m.product as Product, platform: m.platform as Platform });
        }
      });
    } else {
      this.panel.reveal();
    }
    this.panel.webview.html = catalogHtml(rows, lang, title);
  }

  get visible(): boolean {
    return this.panel !== undefined;
  }

  dispose(): void {
    this.panel?.dispose();
  }
}

function catalogHtml(rows: readonly CatalogRow[], lang: Lang, title: string): string {
  const items = rows.map((row) => ({
    code: row.code,
    aliases: row.aliases,
    product: row.product,
    platform: row.platform,
    table: tableLabel(row.product, row.platform, lang),
    name: row.name,
    description: row.description[lang],
    steps: row.steps[lang],
    category: CATEGORY_LABELS[row.category]?.[lang] ?? row.category,
    // Searching finds a row in either language.
    haystack: [row.code, ...row.aliases, row.name ?? '', row.description.zh, row.description.en, ...row.steps.zh, ...row.steps.en, row.product, row.platform]
      .join('\n')
      .toLowerCase(),
  }));
  const strings = {
    count: vscode.l10n.t('{0} of {1} rows'),
    explain: vscode.l10n.t('Explain'),
  };
  const n = nonce();
  const body = `<h1>${escapeHtml(title)}</h1>
<div class="search">
  <input id="search" type="search" autofocus aria-label="${escapeHtml(vscode.l10n.t('Search'))}"
    placeholder="${escapeHtml(vscode.l10n.t('Search by code, SDK constant, description or handling…'))}">
  <span class="count" id="count"></span>
</div>
<table>
  <thead><tr><th>${escapeHtml(vscode.l10n.t('Code'))}</th><th>${escapeHtml(vscode.l10n.t('Table'))}</th><th>${escapeHtml(
    vscode.l10n.t('Description'),
  )}</th><th>${escapeHtml(vscode.l10n.t('What to do'))}</th><th>${escapeHtml(vscode.l10n.t('Category'))}</th><th></th></tr></thead>
  <tbody id="rows"></tbody>
</table>
<script type="application/json" id="data">${scriptJson({ items, strings })}</script>`;
  return page({ title, lang: lang === 'zh' ? 'zh-CN' : 'en', nonce: n, body, script: CATALOG_SCRIPT });
}

/** Runs in the webview: builds the rows with textContent (never innerHTML) and filters them. */
const CATALOG_SCRIPT = `
(function () {
  const vscode = acquireVsCodeApi();
  const { items, strings } = JSON.parse(document.getElementById('data').textContent);
  const tbody = document.getElementById('rows');
  const count = document.getElementById('count');
  const search = document.getElementById('search');
  const cell = (tr, text, cls) => { const td = document.createElement('td'); if (cls) td.className = cls; td.textContent = text; tr.appendChild(td); return td; };
  const trs = items.map((item) => {
    const tr = document.createElement('tr');
    cell(tr, [item.code, ...item.aliases].join(' / ') + (item.name ? '\\n' + item.name : ''), 'code').style.whiteSpace = 'pre';
    cell(tr, item.table);
    cell(tr, item.description);
    const steps = cell(tr, '');
    const ol = document.createElement('ol');
    for (const step of item.steps) { const li = document.createElement('li'); li.textContent = step; ol.appendChild(li); }
    steps.appendChild(ol);
    cell(tr, item.category, 'muted');
    const action = cell(tr, '');
    const button = document.createElement('button');
    button.className = 'link';
    button.textContent = strings.explain;
    button.addEventListener('click', () => vscode.postMessage({ type: 'explain', code: item.code, product: item.product, platform: item.platform }));
    action.appendChild(button);
    tbody.appendChild(tr);
    return tr;
  });
  const state = vscode.getState() || { query: '' };
  search.value = state.query;
  function filter() {
    const words = search.value.toLowerCase().split(/\\s+/).filter(Boolean);
    let shown = 0;
    items.forEach((item, i) => {
      const match = words.every((w) => item.haystack.includes(w));
      trs[i].hidden = !match;
      if (match) shown++;
    });
    count.textContent = strings.count.replace('{0}', String(shown)).replace('{1}', String(items.length));
    vscode.setState({ query: search.value });
  }
  search.addEventListener('input', filter);
  filter();
})();
`;

function shorten(text: string): string {
  const oneLine = text.replace(/\s+/gu, ' ').trim();
  return oneLine.length > 40 ? `${oneLine.slice(0, 39)}…` : oneLine;
}
