#!/usr/bin/env python3
"""Starts COUNT sessions through the API (POST /api/sessions, one keep-alive connection per server) and prints one
line per session: "id currentStepId answer", the answer being one the step offers (the long way: not-fixed / no /
skipped first). answer.lua and read.lua take these lines. Several base URLs: sessions are spread round robin.

Usage: create_sessions.py COUNT URL [URL...] > sessions.txt
"""
import http.client
import json
import sys
import urllib.parse

BODY = json.dumps({"errorCode": "4013", "lang": "ja", "family": "iphone-no-home", "platform": "windows-itunes"})
PREFERRED = ["not-fixed", "no", "skipped"]


def choose(values):
    for value in PREFERRED:
        if value in values:
            return value
    return values[0]


def main():
    count = int(sys.argv[1])
    connections = []
    for url in sys.argv[2:]:
        parts = urllib.parse.urlsplit(url)
        connections.append(http.client.HTTPConnection(parts.hostname, parts.port, timeout=30))
    for i in range(count):
        connection = connections[i % len(connections)]
        connection.request("POST", "/api/sessions", BODY, {"Content-Type": "application/json"})
        reply = connection.getresponse()
        body = reply.read()
        if reply.status != 201:
            sys.exit(f"POST /api/sessions answered {reply.status}: {body[:300]!r}")
        session = json.loads(body)
        step = session["step"]
        print(session["id"], step["id"], choose([a["value"] for a in step["answers"]]))


if __name__ == "__main__":
    main()
