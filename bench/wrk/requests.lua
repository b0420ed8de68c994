-- wrk script of the benchmark (bench/run.mjs). Arguments: a file of request lines (METHOD \t PATH [\t JSON BODY]), a
-- bearer token ("" for none) and wrk's thread count. Each thread takes every n-th line from its own offset, so no two
-- threads send the same fresh invitation token or seat id; each connection sends its thread's lines in turn, starting
-- over at the end (read operations list one line). Requests are formatted once, before the clock starts, so the load
-- generator spends its share of the two cores on sending, not on Lua. done() prints one JSON line for run.mjs.
local next_id = 0

function setup(thread)
  thread:set("id", next_id)
  next_id = next_id + 1
end

function init(args)
  local file, auth, threads = args[1], args[2], tonumber(args[3])
  local headers = {}
  if auth ~= "" then headers["Authorization"] = "Bearer " .. auth end
  local lines = {}
  for line in io.lines(file) do lines[#lines + 1] = line end
  if #lines < threads then threads = 1; id = 0 end -- a read operation's one line: every thread sends it
  requests = {}
  for i, line in ipairs(lines) do
    if (i - 1) % threads == id then
      local method, path, body = line:match("^(%u+)\t([^\t]+)\t?(.*)$")
      local h = {}
      for k, v in pairs(headers) do h[k] = v end
      if body == "" then body = nil else h["Content-Type"] = "application/json" end
      requests[#requests + 1] = wrk.format(method, path, h, body)
    end
  end
  position = 0
end

function request()
  position = position % #requests + 1
  return requests[position]
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format('{"requests":%d,"duration_us":%d,"non2xx":%d,"connect":%d,"read":%d,"write":%d,"timeout":%d,' ..
    '"p50_us":%d,"p99_us":%d}\n', summary.requests, summary.duration, e.status, e.connect, e.read, e.write, e.timeout,
    latency:percentile(50), latency:percentile(99)))
end
