-- Each request reads one session (GET /api/sessions/{id}: the store's row, the replay of its log and the next
-- decision), round robin over the sessions in $SESSIONS (lines starting with the session id). Non-2xx replies are
-- counted by wrk ("Non-2xx or 3xx responses"); a run with any is invalid.
local ids = {}
local n = 0

function init(args)
  for line in io.lines(os.getenv("SESSIONS") or "sessions.txt") do
    local id = line:match("^(%x+)")
    if id then
      ids[#ids + 1] = id
    end
  end
end

function request()
  n = n + 1
  return wrk.format("GET", "/api/sessions/" .. ids[(n % #ids) + 1])
end
