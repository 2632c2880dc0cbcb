-- A GET of the URL on wrk's command line with a query key of its own on every request, so the output cache never
-- answers it: what a request costs when the app has to run its queries (a search for a name nobody asked before).
dofile(os.getenv("BENCH_LUA") .. "/report.lua")
local n = 0

request = function()
  n = n + 1
  local separator = string.find(wrk.path, "?", 1, true) and "&" or "?"
  return wrk.format("GET", wrk.path .. separator .. "_=" .. id .. "-" .. n)
end
