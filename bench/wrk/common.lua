-- Shared by every wrk script: seeding per thread, random ids, unique texts, and the one JSON line
-- the harness reads. wrk runs each script in one Lua state per thread; setup() numbers the threads.
local common = {}

local threads = 0
local rows = tonumber(os.getenv("BENCH_ROWS") or "10000")
local run = tostring(os.time())
local sequence = 0

function common.setup(thread)
  threads = threads + 1
  thread:set("thread_number", threads)
end

function common.init()
  math.randomseed(os.time() * 100 + (thread_number or 0))
end

function common.random_id()
  return math.random(1, rows)
end

function common.random_after()
  return math.random(0, rows - 50)
end

-- Near the end of the board, however large it is, so that every page is full.
function common.random_deep_after()
  return math.random(math.max(0, rows - 1050), rows - 50)
end

-- Unique across threads and runs: the run's start second, the thread, a per-thread counter.
function common.unique_body()
  sequence = sequence + 1
  return string.format('{"text":"bench %s-%d-%d"}', run, thread_number or 0, sequence)
end

-- Writes carry the bearer token when the target needs one (the local stack does).
common.json = { ["Content-Type"] = "application/json" }
local token = os.getenv("BENCH_API_TOKEN")
if token and token ~= "" then
  common.json["Authorization"] = "Bearer " .. token
end

-- The one line the harness reads: JSON, latencies in microseconds. wrk counts a status of 400 or
-- more as a status error; socket errors are counted apart.
function common.done(summary, latency, _)
  local e = summary.errors
  io.write(string.format(
    '{"requests":%d,"durationUs":%d,"p50Us":%.1f,"p90Us":%.1f,"p99Us":%.1f,"maxUs":%.1f,'
      .. '"non2xx":%d,"socketErrors":%d}\n',
    summary.requests, summary.duration,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max,
    e.status, e.connect + e.read + e.write + e.timeout))
end

return common
