-- wrk script for bench/load.py and bench/faults.py: rotate over a list of URLs, count answers.
--
--   wrk -t2 -c64 -d60s --timeout 10s -s bench/wrk/mix.lua http://127.0.0.1:PORT -- urls.txt
--
-- urls.txt has one request a line: a path, optionally a tab and one "Name: value" header
-- (the large-text view is a "Cookie: view=large" header). Each thread starts at a different
-- place in the list, so the connections do not all ask for the same URL at the same moment.
--
-- done() prints "mix <key> <value>" lines for the Python side to parse: every status code
-- seen, socket errors, latency percentiles, page-cache hits, misses and stale copies (the X-Page-Cache header
-- of portal/page_cache.py), and how many error bodies (4xx, 5xx) leaked a Python
-- traceback or exception name. With DEBUG off only an error page could carry one, so the
-- 200s, most of the traffic, are not searched.

local LEAKS = { "Traceback (most recent call last)", "OperationalError", "InterfaceError", "DatabaseError", "psycopg" }

local threads = {}

function setup(thread)
   thread:set("number", #threads)
   table.insert(threads, thread)
end

function init(args)
   requests = {}
   for line in io.lines(args[1]) do
      local path, header = line:match("^([^\t]+)\t?(.*)$")
      local headers = {}
      if header ~= "" then
         local name, value = header:match("^([^:]+):%s*(.*)$")
         headers[name] = value
      end
      table.insert(requests, wrk.format("GET", path, headers))
   end
   position = (number * 7) % #requests
   statuses = {}
   page_cache = { hit = 0, miss = 0, stale = 0 }
   leaks = 0
end

function request()
   position = position % #requests + 1
   return requests[position]
end

function response(status, headers, body)
   statuses[status] = (statuses[status] or 0) + 1
   local cached = headers["X-Page-Cache"]
   if page_cache[cached] then
      page_cache[cached] = page_cache[cached] + 1
   end
   if status >= 400 and body then
      for _, needle in ipairs(LEAKS) do
         if body:find(needle, 1, true) then
            leaks = leaks + 1
            break
         end
      end
   end
end

function done(summary, latency)
   local statuses, page_cache, leaks = {}, { hit = 0, miss = 0, stale = 0 }, 0
   for _, thread in ipairs(threads) do
      for status, count in pairs(thread:get("statuses")) do
         statuses[status] = (statuses[status] or 0) + count
      end
      for outcome, count in pairs(thread:get("page_cache")) do
         page_cache[outcome] = page_cache[outcome] + count
      end
      leaks = leaks + thread:get("leaks")
   end
   print(string.format("mix requests %d", summary.requests))
   print(string.format("mix duration_us %d", summary.duration))
   for _, name in ipairs({ "connect", "read", "write", "timeout" }) do
      print(string.format("mix error_%s %d", name, summary.errors[name]))
   end
   for _, p in ipairs({ 50, 90, 99 }) do
      print(string.format("mix p%d_us %d", p, latency:percentile(p)))
   end
   print(string.format("mix max_us %d", latency.max))
   for status, count in pairs(statuses) do
      print(string.format("mix status_%d %d", status, count))
   end
   print(string.format("mix page_cache_hit %d", page_cache.hit))
   print(string.format("mix page_cache_miss %d", page_cache.miss))
   print(string.format("mix page_cache_stale %d", page_cache.stale))
   print(string.format("mix leaks %d", leaks))
end
