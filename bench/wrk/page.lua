-- GET a page of 50 after a random id.
local common = require "common"
setup, init, done = common.setup, common.init, common.done

function request()
  return wrk.format("GET", "/api/v1/messages?limit=50&after=" .. common.random_after())
end
