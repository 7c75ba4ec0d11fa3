#!/usr/bin/env python3
"""Grows a kiriwake SQLite store to TOTAL sessions quickly, the way the store writes them: one row per session in
the `sessions` table (id = 128 random bits as 32 hex digits, the symptom, the language, the kiriwake-session/1 log,
its event count, created/expires as the store encodes them). Each new row copies the log of a session already in
the store (started and answered through the API), so every seeded session replays like a real one.
The server may keep running meanwhile (WAL: its readers do not wait).

Usage: seed_sessions.py STORE.db TOTAL
"""
import secrets
import sqlite3
import sys


def main():
    path, total = sys.argv[1], int(sys.argv[2])
    db = sqlite3.connect(path, timeout=60)
    templates = db.execute(
        'select "SymptomId", "Language", "Log", "EventCount", "CreatedAt", "ExpiresAt" from sessions').fetchall()
    if not templates:
        sys.exit("the store holds no session to copy: start some through the API first")
    have = db.execute("select count(*) from sessions").fetchone()[0]
    batch = []
    for i in range(max(0, total - have)):
        batch.append((secrets.token_hex(16),) + templates[i % len(templates)])
        if len(batch) == 5000:
            insert(db, batch)
            batch = []
    insert(db, batch)
    print(db.execute("select count(*) from sessions").fetchone()[0])


def insert(db, rows):
    if rows:
        with db:
            db.executemany('insert into sessions ("Id", "SymptomId", "Language", "Log", "EventCount", "CreatedAt", "ExpiresAt") '
                           'values (?, ?, ?, ?, ?, ?, ?)', rows)


if __name__ == "__main__":
    main()
