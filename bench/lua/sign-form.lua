-- POST the letter page's form with a new email address on every request, as a browser on this site would
-- (Origin and Sec-Fetch-Site say so); expects the 302 to the check-email page. The sign form carries no
-- antiforgery token (docs/decisions/008-output-cache.md), so there is no token or cookie to replay.
expected_status = 302
dofile(os.getenv("BENCH_LUA") .. "/report.lua")
local run = os.getenv("BENCH_RUN") or "0"
local origin = os.getenv("BENCH_ORIGIN")
local n = 0

request = function()
  n = n + 1
  local body = string.format(
    "Input.Name=Form+Signer+%d&Input.Email=form-%s-%d-%d%%40bench.example&Input.Title=Member+of+Parliament" ..
    "&Input.Organization=Parliament&Input.Country=FR&Input.Listing=public&Input.AcceptPrivacy=true",
    n, run, id, n)
  return wrk.format("POST", nil, {
    ["Content-Type"] = "application/x-www-form-urlencoded",
    ["Origin"] = origin,
    ["Sec-Fetch-Site"] = "same-origin",
  }, body)
end
