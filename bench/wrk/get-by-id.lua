-- GET /api/v1/messages/{id}, ids uniformly random over the loaded rows.
local common = require "common"
setup, init, done = common.setup, common.init, common.done

function request()
  return wrk.format("GET", "/api/v1/messages/" .. common.random_id())
end
