"""The statistics report as PDF, its charts drawn by ReportLab."""

from __future__ import annotations

from pdf_helpers import pdf_pages_text

from archdesk.services.reports.statistics import holdings_statistics, render_statistics_pdf


def test_statistics_report_has_totals_charts_and_tables(sample, tmp_path):
    db, _ = sample
    out = tmp_path / "stats.pdf"
    pages = render_statistics_pdf(holdings_statistics(db), out, organisation="本单位")
    texts = pdf_pages_text(out)
    assert pages == len(texts) >= 1
    joined = "\n".join(texts)
    for text in ("馆藏档案统计", "按门类", "按年度", "按保管期限", "按密级", "各年接收", "件数：7", "文书", "永久"):
        assert text in joined


def test_statistics_in_english(sample, tmp_path):
    db, _ = sample
    out = tmp_path / "stats.pdf"
    render_statistics_pdf(holdings_statistics(db, language="en"), out)
    joined = "\n".join(pdf_pages_text(out))
    assert "Holdings statistics" in joined and "Permanent" in joined and "Administrative" in joined


def test_every_statistics_page_says_which_page_of_how_many(sample, tmp_path):
    db, _ = sample
    out = tmp_path / "stats.pdf"
    pages = render_statistics_pdf(holdings_statistics(db), out)
    texts = pdf_pages_text(out)
    for number, text in enumerate(texts, 1):
        assert f"第 {number} 页 共 {pages} 页" in text
