-- Neovim 0.7+ headless: start the built server for the file given on the command line, wait for
-- its diagnostics, ask for a hover, print both on stdout and exit 0 (1 on any failure).
-- Environment: ONELOGIN_ROOT (the repository), HOVER_LINE / HOVER_COL (1-based line, 0-based column).
local root = assert(os.getenv('ONELOGIN_ROOT'), 'ONELOGIN_ROOT is not set')
local hover_line = tonumber(os.getenv('HOVER_LINE'))
local hover_col = tonumber(os.getenv('HOVER_COL'))

local function out(text)
  io.stdout:write(text .. '\n')
end

local function run()
  local buf = vim.api.nvim_get_current_buf()
  local id = vim.lsp.start_client({
    name = 'onelogin-codes',
    cmd = { 'node', root .. '/dist/server.js', '--stdio' },
    root_dir = root,
  })
  assert(id, 'start_client returned nothing')
  vim.lsp.buf_attach_client(buf, id)
  assert(vim.wait(20000, function()
    local client = vim.lsp.get_client_by_id(id)
    return client ~= nil and client.initialized
  end, 20), 'the server did not initialize')
  assert(vim.wait(20000, function() return #vim.diagnostic.get(buf) > 0 end, 20), 'no diagnostics arrived')
  local diagnostics = vim.diagnostic.get(buf)
  table.sort(diagnostics, function(a, b) return a.lnum < b.lnum or (a.lnum == b.lnum and tostring(a.code) < tostring(b.code)) end)
  for _, d in ipairs(diagnostics) do
    out(string.format('DIAGNOSTIC %d:%d-%d:%d %s %s', d.lnum + 1, d.col, d.end_lnum + 1, d.end_col, d.code, d.source))
  end
  vim.api.nvim_win_set_cursor(0, { hover_line, hover_col })
  local results = vim.lsp.buf_request_sync(buf, 'textDocument/hover', vim.lsp.util.make_position_params(), 20000)
  assert(results, 'hover timed out')
  for _, response in pairs(results) do
    if response.result then
      local lines = vim.lsp.util.convert_input_to_markdown_lines(response.result.contents)
      out('HOVER ' .. lines[1])
    end
  end
end

vim.api.nvim_create_autocmd('VimEnter', {
  once = true,
  nested = true,
  callback = function()
    local ok, err = pcall(run)
    if ok then
      vim.cmd('qall!')
    else
      io.stderr:write('check.lua: ' .. tostring(err) .. '\n')
      vim.cmd('cquit 1')
    end
  end,
})
