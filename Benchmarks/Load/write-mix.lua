-- The write mix for wrk: create a referral, then submit it. Each create's answer carries the
-- new referral's id, so the thread's next request submits that one.
local created = 0
local waiting = {}
local threads = 0

-- Each thread numbers its own children, so no two requests name the same child.
function setup(thread)
    threads = threads + 1
    thread:set("prefix", "LOAD-" .. threads .. "-")
end

local function iso(time) return os.date("!%Y-%m-%d", time) end

local today = os.time()
local born = os.date("!*t", today)
born.year = born.year - 14
born.day = math.min(born.day, 28)
local body = string.format([[{"givenName":"Load","familyName":"Test %%d","dateOfBirth":"%s","sex":"male",
"localAuthorityReference":"%%s%%d","orderStatus":"interim-order","orderStartsOn":"%s","orderEndsOn":"%s",
"urgency":"emergency","dateNeeded":"%s","summary":"Synthetic referral for the load benchmark."}]],
    iso(os.time(born)), iso(today), iso(today + 28 * 86400), iso(today))

wrk.headers["Content-Type"] = "application/json"

request = function()
    local id = table.remove(waiting)
    if id then
        return wrk.format("POST", "/api/v1/referrals/" .. id .. "/submit", nil, "{}")
    end
    created = created + 1
    return wrk.format("POST", "/api/v1/referrals", nil, string.format(body, created, prefix, created))
end

response = function(status, headers, answer)
    if status == 201 then
        local id = answer:match('"id"%s*:%s*"([^"]+)"')
        if id then table.insert(waiting, id) end
    end
end
