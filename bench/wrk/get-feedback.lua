-- GET /api/feedback (newest first, 20 items, keyset pagination) as the token's user.
function init(args)
  token = os.getenv("TOKEN")
end

function request()
  return wrk.format("GET", "/api/feedback?limit=20", { ["Authorization"] = "Bearer " .. token })
end

function done(summary, latency, requests)
  io.write(string.format("non-2xx/3xx responses: %d\n", summary.errors.status))
  for _, p in pairs({50, 90, 99}) do
    io.write(string.format("p%d latency: %.1f ms\n", p, latency:percentile(p) / 1000))
  end
end
