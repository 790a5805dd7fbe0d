-- The original system's GET /data/{id}, ids uniformly random over the loaded rows.
local common = require "common"
setup, init, done = common.setup, common.init, common.done

function request()
  return wrk.format("GET", "/data/" .. common.random_id())
end
