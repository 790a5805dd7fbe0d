-- 90 % GET by random id, 10 % POST of a unique text.
local common = require "common"
setup, init, done = common.setup, common.init, common.done

function request()
  if math.random(1, 10) == 1 then
    return wrk.format("POST", "/api/v1/messages", common.json, common.unique_body())
  end
  return wrk.format("GET", "/api/v1/messages/" .. common.random_id())
end
