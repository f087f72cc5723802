-- wrk script for bench/run.py and bench/load.py.
-- WRK_PATHS: paths separated by "|", requested in turn (one path: a single-URL benchmark).
-- WRK_STATUS=1: count responses by status class (slower; used by the restart run).
-- done() prints one JSON line that the Python side parses.

local paths = {}
for p in string.gmatch(os.getenv("WRK_PATHS") or "/", "[^|]+") do
  table.insert(paths, p)
end
local threads = {}
local counter = 0

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  counter = math.random(#paths)
  c2, c3, c4, c503, c5 = 0, 0, 0, 0, 0
end

function request()
  counter = counter % #paths + 1
  return wrk.format("GET", paths[counter])
end

if os.getenv("WRK_STATUS") == "1" then
  function response(status, headers, body)
    if status < 300 then c2 = c2 + 1
    elseif status < 400 then c3 = c3 + 1
    elseif status < 500 then c4 = c4 + 1
    elseif status == 503 then c503 = c503 + 1
    else c5 = c5 + 1 end
  end
end

function done(summary, latency, requests)
  local s = {c2 = 0, c3 = 0, c4 = 0, c503 = 0, c5 = 0}
  for _, t in ipairs(threads) do
    for k, _ in pairs(s) do s[k] = s[k] + (t:get(k) or 0) end
  end
  local e = summary.errors
  io.write(string.format(
    'WRKJSON {"requests": %d, "duration_us": %d, "connect": %d, "read": %d, "write": %d, ' ..
    '"status": %d, "timeout": %d, "p50_us": %d, "p90_us": %d, "p95_us": %d, "p99_us": %d, ' ..
    '"max_us": %d, "mean_us": %.1f, "s2xx": %d, "s3xx": %d, "s4xx": %d, "s503": %d, "s5xx": %d}\n',
    summary.requests, summary.duration, e.connect, e.read, e.write, e.status, e.timeout,
    latency:percentile(50), latency:percentile(90), latency:percentile(95),
    latency:percentile(99), latency.max, latency.mean,
    s.c2, s.c3, s.c4, s.c503, s.c5))
end
