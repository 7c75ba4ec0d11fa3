-- Answering steps for real: every request answers the CURRENT step of a session with one of the answers it offers,
-- read from the server's previous reply for that session (POST /api/sessions/{id}/answers {"stepId","answer"}).
-- Each wrk thread walks its own share of the sessions in $SESSIONS (lines "id stepId answer", written by run.sh
-- from the creation replies); a session is in flight on at most one connection at a time, so no two requests race
-- for one session and a 409 is a real fault. The walk prefers "not-fixed" / "no" / "skipped" (the long way to an
-- escalation, about 18 answers for error 4013); a finished session is taken one step back with /undo (also a write)
-- and walked on. Every non-2xx reply is counted by status and printed at the end: a run with any is invalid.
local threads = {}

function setup(thread)
  thread:set("tid", #threads)
  threads[#threads + 1] = thread
end

local ready = {}       -- session ids with no request in flight, first in first out
local head, tail = 1, 0
local current = {}     -- id -> { step, answer } or { finished = true }
-- Globals, so that done() can read them from each thread (thread:get reads globals only).
answers, undos, bad, starved, unparsed = 0, 0, 0, 0, 0
statusList = ""        -- "400=12 409=1", non-2xx replies by status
local statuses = {}

local function push(id)
  tail = tail + 1
  ready[tail] = id
end

local function pop()
  if head > tail then
    return nil
  end
  local id = ready[head]
  ready[head] = nil
  head = head + 1
  return id
end

local function choose(body)
  local preferred = { ["not-fixed"] = 1, ["no"] = 2, ["skipped"] = 3 }
  local best, rank = nil, 99
  for value in body:gmatch('"value":"([^"]+)"') do
    local r = preferred[value] or 50
    if best == nil or r < rank then
      best, rank = value, r
    end
  end
  return best
end

function init(args)
  local threadCount = tonumber(os.getenv("THREADS") or "2")
  local i = 0
  for line in io.lines(os.getenv("SESSIONS") or "sessions.txt") do
    local id, step, answer = line:match("^(%x+)%s+(%S+)%s+(%S+)")
    if id and i % threadCount == tid then
      current[id] = { step = step, answer = answer }
      push(id)
    end
    i = i + 1
  end
end

function request()
  local id = pop()
  if id == nil then
    -- More connections than idle sessions: cannot happen with enough sessions; counted so the run says so.
    starved = starved + 1
    return wrk.format("GET", "/api/sessions/00000000000000000000000000000000")
  end
  local state = current[id]
  if state.finished then
    undos = undos + 1
    return wrk.format("POST", "/api/sessions/" .. id .. "/undo", { ["Content-Type"] = "application/json" }, "")
  end
  answers = answers + 1
  return wrk.format("POST", "/api/sessions/" .. id .. "/answers", { ["Content-Type"] = "application/json" },
    '{"stepId":"' .. state.step .. '","answer":"' .. state.answer .. '"}')
end

function response(status, headers, body)
  if status < 200 or status > 299 then
    bad = bad + 1
    local key = tostring(status)
    statuses[key] = (statuses[key] or 0) + 1
    local parts = {}
    for k, v in pairs(statuses) do
      parts[#parts + 1] = k .. "=" .. v
    end
    statusList = table.concat(parts, " ")
    return
  end
  local id = body:match('^{"id":"(%x+)"')
  if id == nil or current[id] == nil then
    unparsed = unparsed + 1
    return
  end
  if body:find('"step":null', 1, true) then
    current[id] = { finished = true }
  else
    local step = body:match('"step":{"id":"([^"]+)"')
    local answer = choose(body)
    if step == nil or answer == nil then
      unparsed = unparsed + 1
      return
    end
    current[id] = { step = step, answer = answer }
  end
  push(id)
end

function done(summary, latency, requests)
  local a, u, b, s, p = 0, 0, 0, 0, 0
  local byStatus = {}
  for _, thread in ipairs(threads) do
    a = a + thread:get("answers")
    u = u + thread:get("undos")
    b = b + thread:get("bad")
    s = s + thread:get("starved")
    p = p + thread:get("unparsed")
    local list = thread:get("statusList")
    for key, count in (list or ""):gmatch("(%d+)=(%d+)") do
      byStatus[key] = (byStatus[key] or 0) + tonumber(count)
    end
  end
  local parts = {}
  for key, count in pairs(byStatus) do
    parts[#parts + 1] = key .. ": " .. count
  end
  io.write(string.format("answers sent: %d, undos sent: %d, non-2xx: %d%s, replies not understood: %d, requests without an idle session: %d\n",
    a, u, b, #parts > 0 and (" (" .. table.concat(parts, ", ") .. ")") or "", p, s))
  io.write(string.format("answers+undos per second: %.0f\n", (summary.requests) / (summary.duration / 1e6)))
end
