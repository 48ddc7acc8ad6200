-- Prints one machine-readable line per run (requests/s, p50, p95, p99 in ms, errors), read by ./run.
-- Optional: WRK_PATHS (comma-separated paths rotated over), WRK_COOKIE (a session cookie), WRK_ACCEPT.
local paths = {}
for p in string.gmatch(os.getenv("WRK_PATHS") or "", "[^,]+") do paths[#paths + 1] = p end
local headers = { ["Accept"] = os.getenv("WRK_ACCEPT") or "text/html" }
local cookie = os.getenv("WRK_COOKIE")
if cookie and cookie ~= "" then headers["Cookie"] = cookie end
local i = 0
request = function()
  i = i + 1
  local path = #paths > 0 and paths[(i % #paths) + 1] or wrk.path
  return wrk.format("GET", path, headers)
end
done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
      + summary.errors.status
  io.write(string.format("RESULT %.1f %.1f %.1f %.1f %d %d\n",
    summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    errors, summary.requests))
end
