-- POST /api/v1/messages with a unique text each time; the storage assigns new ids.
local common = require "common"
setup, init, done = common.setup, common.init, common.done

function request()
  return wrk.format("POST", "/api/v1/messages", common.json, common.unique_body())
end
