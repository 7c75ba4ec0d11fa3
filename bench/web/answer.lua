-- Each request answers the first step of a session, or takes that answer back (undo), alternating per session,
-- round robin over the sessions in sessions.txt (many more sessions than connections, so no two requests in flight
-- touch one session). Every request is one write: replay the log, check the answer, decide, store the longer log.
local ids = {}
local answered = {}
local n = 0
local step = os.getenv("STEP") or "q-device-storage-enough"
local answer = os.getenv("ANSWER") or "yes"

function setup(thread)
  thread:set("tid", thread.id or 0)
end

function init(args)
  for line in io.lines(os.getenv("SESSIONS") or "sessions.txt") do
    ids[#ids + 1] = line
  end
  n = tonumber(tid) or 0
end

function request()
  n = n + 1
  local id = ids[(n % #ids) + 1]
  if answered[id] then
    answered[id] = false
    return wrk.format("POST", "/api/sessions/" .. id .. "/undo", { ["Content-Type"] = "application/json" }, "")
  end
  answered[id] = true
  return wrk.format("POST", "/api/sessions/" .. id .. "/answers", { ["Content-Type"] = "application/json" },
    '{"stepId":"' .. step .. '","answer":"' .. answer .. '"}')
end
