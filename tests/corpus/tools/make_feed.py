#!/usr/bin/env python3
"""Writes tests/corpus/feed.xml: the corpus reports as one RSS 2.0 feed, each
item with its publication date, so `sitrep ingest tests/corpus/feed.xml` has
dated articles to work on (the plain .txt reports carry no date)."""
import email.utils
import html
import json
import pathlib
import datetime

root = pathlib.Path(__file__).resolve().parent.parent
items = []
for line in (root / "gold.jsonl").read_text(encoding="utf-8").splitlines():
    if not line.strip():
        continue
    g = json.loads(line)
    text = (root / g["file"]).read_text(encoding="utf-8")
    paragraphs = [p.strip() for p in text.split("\n\n") if p.strip()]
    title = paragraphs[0].splitlines()[0] if paragraphs else g["id"]
    day = datetime.date.fromisoformat(g["published"])
    stamp = datetime.datetime(day.year, day.month, day.day, 12, 0, tzinfo=datetime.timezone.utc)
    body = "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    items.append(
        "  <item>\n"
        f"    <title>{html.escape(title)}</title>\n"
        f"    <link>https://corpus.sitrep.invalid/{g['id']}</link>\n"
        f"    <guid>{g['id']}</guid>\n"
        f"    <pubDate>{email.utils.format_datetime(stamp)}</pubDate>\n"
        f"    <description>{html.escape(body)}</description>\n"
        "  </item>\n"
    )
feed = (
    '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0">\n<channel>\n'
    "  <title>sitrep test corpus</title>\n"
    "  <link>https://corpus.sitrep.invalid/</link>\n"
    "  <description>Reports written for sitrep about real events; see tests/corpus/README.md</description>\n"
    + "".join(items)
    + "</channel>\n</rss>\n"
)
(root / "feed.xml").write_text(feed, encoding="utf-8")
print(f"{len(items)} items written to {root / 'feed.xml'}")
