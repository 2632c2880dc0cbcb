-- POST /api/letters/{slug}/signatures with a new email address on every request; expects 202.
expected_status = 202
dofile(os.getenv("BENCH_LUA") .. "/report.lua")
local run = os.getenv("BENCH_RUN") or "0"
local countries = { "FR", "DE", "NG", "BR", "IN", "US", "JP", "KE", "CA", "AU", "GB", "ZA", "MX", "PL", "KR" }
local n = 0

request = function()
  n = n + 1
  local body = string.format(
    '{"name":"Bench Signer %d","email":"api-%s-%d-%d@bench.example","title":"Professor of Medicine",' ..
    '"organization":"Bench University","country":"%s","category":null,"city":"Geneva","comment":"","listPublicly":true}',
    n, run, id, n, countries[n % #countries + 1])
  return wrk.format("POST", nil, { ["Content-Type"] = "application/json" }, body)
end
