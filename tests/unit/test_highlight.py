"""The article highlighter: one element and one label for records on the same characters,
names without labels (linked to their actor), CAMEO names in the hover text."""

from __future__ import annotations

from newsledger.api.highlight import Highlight, cameo_name, highlights_for, merge_same_spans, render
from newsledger.knowledge.cameo import lookup

TEXT = "Iran hosted the delegation."


def test_records_on_the_same_characters_share_one_label() -> None:
    spans = [
        Highlight(5, 11, "event", "e1", "043 CONSULT", "#event-e1", "Iran → Taliban"),
        Highlight(5, 11, "event", "e2", "043 CONSULT", "#event-e2", "Iran → Baradar"),
        Highlight(5, 11, "event", "e3", "051 SUPPORT", "#event-e3", "Iran → Taliban"),
        Highlight(0, 4, "mention", "m1", "", "/actors/iran", "Iran (country)"),
    ]
    merged = merge_same_spans(spans)
    assert len(merged) == 2
    event = next(h for h in merged if h.kind == "event")
    assert event.label == "043 CONSULT · 051 SUPPORT ×3" and event.also == ("e2", "e3")
    assert event.title == "Iran → Taliban\nIran → Baradar"
    html = str(render(TEXT, merged))
    assert html.count('class="hl-label"') == 1  # one label, none on the name
    assert 'id="hl-event-e1"' in html and 'id="hl-event-e2"' in html and 'id="hl-event-e3"' in html
    assert 'data-hl="hl-event-e1 hl-event-e2 hl-event-e3"' in html
    assert '<a class="hl-ref" href="/actors/iran">Iran</a>' in html


def test_distinct_spans_keep_their_own_labels() -> None:
    spans = [Highlight(0, 4, "event", "a", "010", None), Highlight(5, 11, "event", "b", "010", None)]
    assert len(merge_same_spans(spans)) == 2
    assert str(render(TEXT, spans)).count("hl-label") == 2


def test_cameo_names_come_from_the_shipped_table() -> None:
    assert cameo_name("042") == lookup("042").name and cameo_name("042")
    assert cameo_name(None) == ""


def test_a_loaded_term_used_many_times_is_one_row_with_every_occurrence() -> None:
    from newsledger.api.article import framing_groups

    terms = [
        {"id": 1, "text": "regime", "category": "delegitimising", "target_actor_id": "irn"},
        {"id": 2, "text": "proxy groups", "category": "securitising", "target_actor_id": "irn"},
        {"id": 3, "text": "Regime", "category": "delegitimising", "target_actor_id": "irn"},
        {"id": 4, "text": "regime", "category": "delegitimising", "target_actor_id": None},
    ]
    groups = framing_groups(terms)
    assert [(g["text"], g["ids"]) for g in groups] == [
        ("regime", [1, 3]),
        ("proxy groups", [2]),
        ("regime", [4]),
    ]


def test_every_telling_of_one_happening_is_highlighted_and_links_to_its_record() -> None:
    text = "Iran met Russia. On Monday, Iran met Russia again."
    event = {
        "event_id": "e1", "span": [5, 8], "mention_spans": [[5, 8], [33, 36]], "cameo_code": "040",
        "plover_type": "CONSULT", "quad_class": 1, "goldstein": 1.0, "trigger": "met",
        "source": {"name": "Iran"}, "target": {"name": "Russia"},
    }  # fmt: skip
    spans = highlights_for(text, {"events": [event]})
    assert [(text[h.start : h.end], h.ref, h.href) for h in spans] == [
        ("met", "e1", "#event-e1"),
        ("met", "e1.m2", "#event-e1"),
    ]
    assert spans[1].title is not None and spans[1].title.endswith("told again (2 of 2)")
    html = str(render(text, spans))
    assert 'id="hl-event-e1"' in html and 'id="hl-event-e1.m2"' in html
