-- GET a page of 50 from deep in the board: after a random id among the last 1,000 loaded.
local common = require "common"
setup, init, done = common.setup, common.init, common.done

function request()
  return wrk.format("GET", "/api/v1/messages?limit=50&after=" .. common.random_deep_after())
end
