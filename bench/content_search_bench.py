"""Benchmark: search with attached files' text indexed (issue 16), 100,000 records by default.

Every record gets the text of a scanned page (about 600 characters of a notice, from the demo
vocabulary) in the content index (``search_content``, trigram FTS5, and its characters and pairs in
``search_content_gram``, made by the search module's own token function), as if each had a PDF with
a text layer or an OCR'd scan. Queries are runs of 1, 2, 3 and 4 Chinese characters taken from those
texts (seeded), searched with ``search_records`` (first page by reference code + the hit count,
catalogue fields and content together). Targets are the search targets of issue 2: p95 under
100 ms for 3+ characters, under 250 ms for 1–2 characters. The archive is kept in bench/data/.
"""

from __future__ import annotations

import os
import random
import statistics
import time

from sqlalchemy import text

RECORDS = int(os.environ.get("ARCHDESK_BENCH_RECORDS", 100_000))
QUERIES = 40


def _page_text(rng: random.Random) -> str:
    from archdesk.services.demo_text import BUILDINGS, RULES, THINGS, TOPICS

    parts = []
    while sum(map(len, parts)) < 600:
        topic, rule, thing, building = (
            rng.choice(TOPICS),
            rng.choice(RULES),
            rng.choice(THINGS),
            rng.choice(BUILDINGS),
        )
        parts.append(rng.choice([
            f"关于加强{topic}工作的通知，请各部门认真执行。",
            f"根据{rule}，{building}的{thing}须每月检查一次，发现问题及时报告。",
            f"现将{topic}有关事项通知如下，请遵照执行，并于月底前报送落实情况。",
            f"{building}{thing}更新改造项目已经完成验收，第{rng.randrange(1, 500)}号。",
        ]))  # fmt: skip
    return "".join(parts)


def _prepare(path) -> tuple[float, float, list[str]]:
    import sqlite3

    from archdesk.services.search_tokens import grams

    rng = random.Random(16)
    connection = sqlite3.connect(path)
    connection.create_function("bench_grams", 1, grams, deterministic=True)
    started = time.perf_counter()
    texts = []
    with connection:
        connection.execute("DELETE FROM search_content")
        connection.execute("INSERT INTO search_content_gram(search_content_gram) VALUES ('delete-all')")
        ids = [row[0] for row in connection.execute("SELECT id FROM record ORDER BY id")]
        batch = []
        for record_id in ids:
            page = _page_text(rng)
            if len(texts) < 500:
                texts.append(page)
            batch.append((record_id, page))
            if len(batch) == 5000:
                connection.executemany("INSERT INTO search_content(rowid, content) VALUES (?, ?)", batch)
                batch = []
        connection.executemany("INSERT INTO search_content(rowid, content) VALUES (?, ?)", batch)
    trigram = time.perf_counter() - started
    started = time.perf_counter()
    with connection:  # as services/digitisation/content.index_content does, from the text just kept
        connection.execute(
            "INSERT INTO search_content_gram(rowid, grams) SELECT rowid, bench_grams(content) FROM search_content"
        )
    pairs = time.perf_counter() - started
    connection.close()
    return trigram, pairs, texts


def _p95(values: list[float]) -> float:
    return sorted(values)[max(int(len(values) * 0.95) - 1, 0)]


def run() -> list[dict]:
    from archdesk.services.archive import open_archive
    from archdesk.services.records_query import search_records
    from bench.generate import DATA, generate

    path = DATA / f"content-{RECORDS}.db"
    rows = []
    if not path.exists() or os.environ.get("ARCHDESK_BENCH_FRESH"):
        timings = generate(path, RECORDS)
        rows.append({"operation": "generate records (demo data)", "size": RECORDS,
                     "seconds": round(timings["generate"] + timings["index"], 2)})  # fmt: skip
    open_archive(path).dispose()  # upgraded first: an archive kept from before has no pair table
    seconds, pairs, texts = _prepare(path)
    rows.append({"operation": "index attached text (one 600-character page per record)", "size": RECORDS,
                 "seconds": round(seconds, 2), "note": f"{RECORDS / seconds:,.0f} records/s"})  # fmt: skip
    rows.append({"operation": "index its characters and pairs (search_content_gram)", "size": RECORDS,
                 "seconds": round(pairs, 2), "note": f"{RECORDS / pairs:,.0f} records/s"})  # fmt: skip
    db = open_archive(path)
    with db.reading() as session:
        size = session.scalar(text("SELECT count(*) FROM search_content"))
    rng = random.Random(2)
    for length in (1, 2, 3, 4):
        queries: list[str] = []
        while len(queries) < QUERIES:
            page = rng.choice(texts)
            start = rng.randrange(len(page) - length)
            word = page[start : start + length]
            if all("\u4e00" <= ch <= "\u9fff" for ch in word) and word not in queries:
                queries.append(word)
        for query in queries:
            search_records(db, query)  # warm, as a session's earlier searches would
        latencies, hits = [], []
        for query in queries:
            started = time.perf_counter()
            hits.append(search_records(db, query, limit=50).total)
            latencies.append(time.perf_counter() - started)
        target = 250 if length < 3 else 100
        rows.append({"operation": f"search {length} chars, catalogue + attached text: first page + count",
                     "size": f"{size:,} records with text", "seconds": round(statistics.median(latencies), 4),
                     "note": f"p95 {_p95(latencies) * 1000:.0f} ms (target < {target} ms); hits median "
                             f"{int(statistics.median(hits)):,}; load {os.getloadavg()[0]:.1f}"})  # fmt: skip
    db.dispose()
    return rows
