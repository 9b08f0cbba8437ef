-- wrk script: POST /v1/due with one message (bryansk, 30 days); SROK_DELAY_MS > 0 makes each
-- connection wait that long between requests (the soak's fixed rate: connections / delay).
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"registered_at":"2024-03-29T10:15+03:00","profile":"bryansk","term_days":30}'
local d = tonumber(os.getenv("SROK_DELAY_MS") or "0")
if d > 0 then
  function delay()
    return d
  end
end
