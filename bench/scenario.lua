-- wrk script for every benchmark scenario.
--
--   wrk ... -s scenario.lua URL -- get  PATHS_FILE
--   wrk ... -s scenario.lua URL -- post PATH BODY_PREFIX_FILE NONCE
--   wrk ... -s scenario.lua URL -- random PATHS_FILE
--   wrk ... -s scenario.lua URL -- mix PATHS_FILE PATH BODY_PREFIX_FILE NONCE WRITE_PERCENT
--
-- get:  rotates over the request paths listed in PATHS_FILE (one a line), each thread starting at a
--       different place, so the server does not answer the same resource over and over.
-- post: sends BODY_PREFIX_FILE's content followed by a unique tail and '"}', so that every request
--       carries a text the server has not seen (identical texts are deduplicated, not ingested).
-- random: each request a path drawn at random from PATHS_FILE (random keys: no resource is asked for in
--       a predictable turn, so nothing but a cache of everything could hold the answers).
-- mix:  WRITE_PERCENT of the requests (drawn at random) are posts as above, the others random gets.
-- Every mode sends "Authorization: Bearer $BENCH_API_KEY" when that variable is set.
--
-- done() prints one line "BENCH_RESULT {json}" that bench/report.py reads.

local threads = {}
local thread_count = 0

function setup(thread)
   thread_count = thread_count + 1
   thread:set("tid", thread_count)
   table.insert(threads, thread)
end

local function read_file(name)
   local f = assert(io.open(name, "rb"), "cannot open " .. tostring(name))
   local content = f:read("*a")
   f:close()
   return content
end

local mode, prepared, index, post_path, post_headers, body_prefix, nonce, write_percent
local sent = 0
statuses = {}  -- global: done() collects it from each thread

function init(args)
   mode = args[1]
   local headers = {}
   local key = os.getenv("BENCH_API_KEY")
   if key and key ~= "" then
      headers["Authorization"] = "Bearer " .. key
   end
   if mode == "get" or mode == "random" or mode == "mix" then
      prepared = {}
      for line in io.lines(args[2]) do
         if line ~= "" then
            table.insert(prepared, wrk.format("GET", line, headers))
         end
      end
      assert(#prepared > 0, "no request paths in " .. args[2])
      -- A random start per thread, so threads do not walk the list in step.
      math.randomseed(os.time() * 1000 + tid)
      index = math.random(0, #prepared - 1)
   end
   local post_args = mode == "post" and 2 or mode == "mix" and 3
   if post_args then
      post_path = args[post_args]
      body_prefix = read_file(args[post_args + 1])
      nonce = args[post_args + 2] or tostring(os.time())
      write_percent = tonumber(args[post_args + 3] or "100")
      post_headers = {}
      for k, v in pairs(headers) do post_headers[k] = v end
      post_headers["Content-Type"] = "application/json"
   elseif mode ~= "get" and mode ~= "random" then
      error("mode must be get, random, post or mix, not " .. tostring(mode))
   end
end

local function post()
   sent = sent + 1
   local body = body_prefix .. nonce .. "-" .. tid .. "-" .. sent .. '."}'
   return wrk.format("POST", post_path, post_headers, body)
end

function request()
   if mode == "get" then
      index = index % #prepared + 1
      return prepared[index]
   elseif mode == "random" or (mode == "mix" and math.random() * 100 >= write_percent) then
      return prepared[math.random(#prepared)]
   end
   return post()
end

function response(status, headers, body)
   statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
   local counts = {}
   for _, thread in ipairs(threads) do
      local t = thread:get("statuses")
      for status, n in pairs(t or {}) do
         counts[status] = (counts[status] or 0) + n
      end
   end
   local status_parts = {}
   for status, n in pairs(counts) do
      table.insert(status_parts, string.format('"%d":%d', status, n))
   end
   local pct = {}
   for _, p in ipairs({50, 75, 90, 95, 99, 99.9}) do
      table.insert(pct, string.format('"%s":%d', tostring(p), latency:percentile(p)))
   end
   local e = summary.errors
   io.write(string.format(
      'BENCH_RESULT {"durationUs":%d,"requests":%d,"bytes":%d,' ..
      '"errors":{"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d},' ..
      '"latencyUs":{"min":%d,"mean":%.1f,"max":%d,"stdev":%.1f,"percentiles":{%s}},' ..
      '"statuses":{%s}}\n',
      summary.duration, summary.requests, summary.bytes,
      e.connect, e.read, e.write, e.status, e.timeout,
      latency.min, latency.mean, latency.max, latency.stdev, table.concat(pct, ","),
      table.concat(status_parts, ",")))
end
