-- Each request starts a session (symptom from an error code, with family and platform known).
wrk.method = "POST"
wrk.path = "/api/sessions"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"errorCode":"4013","lang":"ja","family":"iphone-no-home","platform":"windows-itunes"}'
