-- The whole signer's journey, one virtual signer per wrk thread and connection (run with as many threads as
-- connections, so each thread's requests and answers alternate and its state is one signer's):
--   the letter page, sign through the API, wait for the email (the bench's SMTP sink writes the confirmation link of
--   each journey-* address to BENCH_LINKS/<local part>; while it is not there the signer looks in that folder every
--   BENCH_POLL_MS, as a person looks in their mailbox, asking the server nothing), open the confirm page, press
--   confirm (302), and the list they are sent to (with the cookie that says they just confirmed, as a browser would).
--   The wait blocks the signer's thread, which has no other connection to serve; an email that has not come in
--   BENCH_EMAIL_TIMEOUT_MS (default 30000) counts as an unexpected answer, and the journey starts again.
-- Prints one RESULT line: journeys completed, per second, each step's p50/p99, the email's wait (sign answered to
-- link found), how often signers looked for it, and answers that were not what the step expects.
local ffi = require("ffi")
ffi.cdef [[ typedef struct { long tv_sec; long tv_nsec; } bench_timespec; int clock_gettime(int, bench_timespec*);
              int poll(void*, unsigned long, int); ]]
local clock = ffi.new("bench_timespec")
local function now_ms()
  ffi.C.clock_gettime(1, clock) -- CLOCK_MONOTONIC
  return tonumber(clock.tv_sec) * 1000 + tonumber(clock.tv_nsec) / 1e6
end

local threads = {}
function setup(thread)
  table.insert(threads, thread)
  thread:set("id", #threads)
end

local run = os.getenv("BENCH_RUN") or "0"
local slug = os.getenv("BENCH_SLUG")
local links = os.getenv("BENCH_LINKS")
local poll_ms = tonumber(os.getenv("BENCH_POLL_MS") or "20")
local email_timeout_ms = tonumber(os.getenv("BENCH_EMAIL_TIMEOUT_MS") or "30000")
local expected = { letter = 200, sign = 202, confirm_page = 200, confirm = 302, list = 200 }

-- One flat list of milliseconds per step, as globals: wrk copies flat tables between its threads, not nested ones.
local names = { "letter", "sign", "email", "confirm_page", "confirm", "list", "journey" }
local times = {}
for _, name in ipairs(names) do
  times[name] = {}
  _G["t_" .. name] = times[name]
end
journeys, unexpected, polls = 0, 0, 0
local step, current, sent_at, journey_at, signed_at = "letter", nil, 0, 0, 0
local n, who, confirm_path, form_token, cookie = 0, nil, nil, nil, nil

local function link_file() return links .. "/" .. who end

-- Waits for the signer's email at the sink; the confirm link, or nil when it did not come in time.
local function wait_for_link()
  while true do
    local file = io.open(link_file())
    if file then
      local path = file:read("*l")
      file:close()
      os.remove(link_file())
      return path
    end
    if now_ms() - signed_at > email_timeout_ms then return nil end
    polls = polls + 1
    ffi.C.poll(nil, 0, poll_ms)
  end
end

request = function()
  if step == "email" then
    confirm_path = wait_for_link()
    if confirm_path then
      table.insert(times.email, now_ms() - signed_at)
      step = "confirm_page"
    else
      unexpected = unexpected + 1
      step = "letter"
    end
  end
  current, sent_at = step, now_ms()
  if step == "letter" then
    n = n + 1
    who = string.format("journey-%s-%d-%d", run, id, n)
    journey_at = sent_at
    return wrk.format("GET", "/letters/" .. slug)
  elseif step == "sign" then
    return wrk.format("POST", "/api/letters/" .. slug .. "/signatures", { ["Content-Type"] = "application/json" }, string.format(
      '{"name":"Journey Signer %d %d","email":"%s@bench.example","title":"Professor of Medicine","organization":"Bench University",' ..
      '"country":"FR","category":null,"city":"Geneva","comment":"","listPublicly":true}', id, n, who))
  elseif step == "confirm_page" then
    return wrk.format("GET", confirm_path)
  elseif step == "confirm" then
    return wrk.format("POST", confirm_path, { ["Content-Type"] = "application/x-www-form-urlencoded", ["Cookie"] = cookie },
      "__RequestVerificationToken=" .. form_token)
  else -- list
    return wrk.format("GET", "/letters/" .. slug .. "/signatories", { ["Cookie"] = cookie })
  end
end

local function cookie_of(headers)
  local set = headers["Set-Cookie"] or headers["set-cookie"]
  return set and set:match("^([^;]+)") or nil
end

response = function(status, headers, body)
  local took = now_ms() - sent_at
  if status ~= expected[current] then
    unexpected = unexpected + 1
    step = "letter"
    return
  end
  table.insert(times[current], took)
  if current == "letter" then
    step = "sign"
  elseif current == "sign" then
    signed_at = now_ms()
    step = "email"
  elseif current == "confirm_page" then
    form_token = body:match('name="__RequestVerificationToken" type="hidden" value="([^"]+)"')
    cookie = cookie_of(headers)
    step = form_token and cookie and "confirm" or "letter"
    if step == "letter" then unexpected = unexpected + 1 end
  elseif current == "confirm" then
    -- The list the signer lands on shows "you are signatory N" from the cookie the confirm set.
    cookie = cookie_of(headers) or cookie
    step = "list"
  else
    journeys = journeys + 1
    table.insert(times.journey, now_ms() - journey_at)
    step = "letter"
  end
end

local function percentile(values, p)
  if #values == 0 then return 0 end
  table.sort(values)
  return values[math.max(1, math.ceil(#values * p / 100))]
end

function done(summary, latency, requests)
  local all, total, wrong, polled = {}, 0, 0, 0
  for _, name in ipairs(names) do all[name] = {} end
  for _, thread in ipairs(threads) do
    total = total + (thread:get("journeys") or 0)
    wrong = wrong + (thread:get("unexpected") or 0)
    polled = polled + (thread:get("polls") or 0)
    for _, name in ipairs(names) do
      for _, v in ipairs(thread:get("t_" .. name) or {}) do table.insert(all[name], v) end
    end
  end
  local seconds = summary.duration / 1e6
  local e = summary.errors
  local parts = {}
  for _, name in ipairs(names) do
    table.insert(parts, string.format('"%s_p50_ms":%.1f,"%s_p99_ms":%.1f', name, percentile(all[name], 50), name, percentile(all[name], 99)))
  end
  io.write(string.format('RESULT {"journeys":%d,"seconds":%.2f,"journeys_per_s":%.1f,"requests":%d,"rps":%.1f,"polls":%d,' ..
    '"socket_errors":%d,"http_errors":%d,"unexpected":%d,%s}\n',
    total, seconds, total / seconds, summary.requests, summary.requests / seconds, polled,
    e.connect + e.read + e.write + e.timeout, e.status, wrong, table.concat(parts, ",")))
end
