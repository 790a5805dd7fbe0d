-- PUT /api/v1/messages/{id} with a unique text, ids uniformly random over the loaded rows.
local common = require "common"
setup, init, done = common.setup, common.init, common.done

function request()
  return wrk.format("PUT", "/api/v1/messages/" .. common.random_id(), common.json,
    common.unique_body())
end
