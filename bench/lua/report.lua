-- Shared by every scenario: numbers each thread, counts answers other than the expected status (when the
-- scenario sets expected_status), and prints one RESULT line of JSON that bench/run.sh collects.
local threads = {}

function setup(thread)
  table.insert(threads, thread)
  thread:set("id", #threads)
end

unexpected = 0
if expected_status then
  function response(status, headers, body)
    if status ~= expected_status then unexpected = unexpected + 1 end
  end
end

function done(summary, latency, requests)
  local wrong = 0
  for _, thread in ipairs(threads) do wrong = wrong + (thread:get("unexpected") or 0) end
  local e = summary.errors
  local socket = e.connect + e.read + e.write + e.timeout
  io.write(string.format(
    'RESULT {"requests":%d,"seconds":%.2f,"rps":%.1f,"p50_ms":%.2f,"p90_ms":%.2f,"p99_ms":%.2f,"max_ms":%.2f,' ..
    '"socket_errors":%d,"http_errors":%d,"unexpected":%d}\n',
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    socket, e.status, wrong))
end
