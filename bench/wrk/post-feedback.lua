-- POST /api/feedback with a distinct Idempotency-Key per request, so every request stores a new item
-- (and writes an outbox row) instead of replaying the first one.
local texts = {
  "My parcel arrived two days late and the box was crushed.",
  "I was charged twice for my invoice and still have no refund.",
  "The new tracking page is great, thank you!",
  "The app crashes every time I open my order history.",
  "Support answered quickly and solved my login problem.",
}
local counter = 0
local run = tostring(os.time())

function setup(thread)
  counter = counter + 1
  thread:set("tid", counter)
end

function init(args)
  n = 0
  token = os.getenv("TOKEN")
end

function request()
  n = n + 1
  local body = string.format('{"text":"%s","channel":"WEB","rating":{"scale":"CSAT","score":%d}}',
    texts[(n % #texts) + 1], (n % 5) + 1)
  local headers = {
    ["Authorization"] = "Bearer " .. token,
    ["Content-Type"] = "application/json",
    ["Idempotency-Key"] = string.format("bench-%s-%d-%d", run, tid, n),
  }
  return wrk.format("POST", "/api/feedback", headers, body)
end

function done(summary, latency, requests)
  io.write(string.format("non-2xx/3xx responses: %d\n", summary.errors.status))
  for _, p in pairs({50, 90, 99}) do
    io.write(string.format("p%d latency: %.1f ms\n", p, latency:percentile(p) / 1000))
  end
end
