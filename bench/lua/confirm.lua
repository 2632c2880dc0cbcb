-- POST /confirm/{token} for tokens seeded by bench/seed.py, each used once (thread n takes every nth line of the
-- file); expects the 302 to the signatories page. The confirm form keeps its antiforgery token: run.sh fetched one
-- cookie and token pair from a confirm page, and every request replays that pair (it is not tied to the URL).
expected_status = 302
dofile(os.getenv("BENCH_LUA") .. "/report.lua")
local tokens = {}
local next_token = 0

function init(args)
  local threads = tonumber(os.getenv("BENCH_THREADS"))
  local i = 0
  for line in io.lines(os.getenv("BENCH_TOKENS")) do
    if i % threads == id - 1 then table.insert(tokens, line) end
    i = i + 1
  end
end

request = function()
  next_token = next_token % #tokens + 1
  return wrk.format("POST", "/confirm/" .. tokens[next_token], {
    ["Content-Type"] = "application/x-www-form-urlencoded",
    ["Cookie"] = os.getenv("BENCH_COOKIE"),
  }, "__RequestVerificationToken=" .. os.getenv("BENCH_FORM_TOKEN"))
end
