-- Each request reads one session (replay of its log and the next decision), round robin over sessions.txt.
local ids = {}
local n = 0

function init(args)
  for line in io.lines(os.getenv("SESSIONS") or "sessions.txt") do
    ids[#ids + 1] = line
  end
end

function request()
  n = n + 1
  return wrk.format("GET", "/api/sessions/" .. ids[(n % #ids) + 1])
end
