"""Modality of a trigger (negated, hypothetical, announced) and the CAMEO code of an announced
or refused act."""

from __future__ import annotations

from typing import Any

__all__ = ["MODALS", "intent_code", "modality"]

MODALS = {"would", "could", "might", "may", "should", "will", "shall", "can", "must", "'ll", "wo", "ca"}
INTENT_HEADS = {
    "plan", "intend", "want", "hope", "seek", "aim", "vow", "pledge", "promise", "offer", "agree",
    "decide", "prepare", "expect", "threaten", "try", "attempt", "propose", "wish", "need", "consider",
    "mull", "about", "ready", "willing", "likely", "set", "going", "urge", "call", "ask", "demand",
    "warn", "refuse", "decline", "fail", "reject", "prepared", "determined", "determine", "eager", "keen",
}  # fmt: skip
NEGATING_HEADS = {"refuse", "decline", "fail", "reject", "deny"}

INTENT_MODALS = {"will", "would", "shall", "'ll", "wo"}
INTENT_VERBS = {
    "plan", "intend", "prepare", "prepared", "ready", "willing", "vow", "pledge", "promise", "offer",
    "threaten", "decide", "going", "aim", "swear", "expect", "set", "determined", "determine",
}  # fmt: skip


def modality(tok: Any) -> tuple[bool, bool, bool]:
    """(negated, hypothetical, intent): "did not meet", "could attack", "will / plans to meet"."""
    negated = any(c.dep_ == "neg" for c in tok.children)
    aux = {c.lower_ for c in tok.children if c.dep_ == "aux"}
    hypothetical = bool(aux & MODALS)
    intent = bool(aux & INTENT_MODALS)
    hypothetical = hypothetical or any(
        c.dep_ == "mark" and c.lower_ in {"if", "unless", "whether"} for c in tok.children
    )
    head, cur, hops = tok.head, tok, 0
    while cur.dep_ in {"xcomp", "acomp", "ccomp", "advcl"} and head != cur and hops < 3:
        if cur.dep_ == "advcl" and not any(c.lower_ == "to" for c in cur.children):
            break
        lemma = head.lemma_.lower()
        if cur.dep_ == "ccomp" and lemma not in INTENT_HEADS:
            break  # "X said Y will ...": Y's own modality only
        if lemma in INTENT_HEADS or cur.dep_ == "acomp":
            hypothetical = True
            intent = intent or lemma in INTENT_VERBS
        if lemma in NEGATING_HEADS:
            negated = intent = True  # "refused to release", "failed to reach agreement"
        head_aux = {c.lower_ for c in head.children if c.dep_ == "aux"}
        if any(c.dep_ == "neg" for c in head.children) and cur.dep_ in {"xcomp", "acomp"}:
            negated = True
        if head_aux & MODALS and cur.dep_ in {"xcomp", "acomp"}:
            hypothetical = True
            intent = intent or bool(head_aux & INTENT_MODALS)
        cur, head, hops = head, head.head, hops + 1
    return negated, hypothetical, intent


# CAMEO's "express intent" codes: a cooperative act announced ("will give aid") is an intent to
# cooperate (03), a conflictual one ("would impose martial law") a threat (13); refusing a
# cooperative act ("will not allow inspectors") is a rejection (12).
INTENT_CODE = {
    "081": "0351", "0811": "0351", "0812": "0351", "0813": "0351", "0814": "0351", "082": "0352",
    "083": "034", "0831": "0341", "0832": "0342", "0833": "0343", "0834": "0344", "084": "0353",
    "0841": "0353", "0842": "0353", "085": "0354", "086": "0355", "0861": "0355", "0862": "0355",
    "0863": "0355", "087": "0356", "0871": "0356", "0872": "0356", "0873": "0356", "0874": "0356",
    "061": "0311", "062": "0312", "063": "0313", "064": "0314", "071": "0331", "072": "0332",
    "073": "0333", "074": "0334", "045": "039", "046": "036",
    "160": "1313", "161": "1313", "162": "1311", "1621": "1311", "1622": "1311", "1623": "1311",
    "163": "1312", "164": "134", "165": "135", "166": "136", "1661": "136", "1662": "136",
    "1663": "136", "172": "132", "1721": "1321", "1722": "1322", "1723": "1323", "1724": "1324",
    "175": "137", "191": "1381", "192": "1382", "204": "1385", "2041": "1385", "2042": "1385",
}  # fmt: skip
INTENT_ROOT = {
    "04": "036", "05": "032", "06": "031", "07": "033", "08": "035", "14": "133", "15": "138",
    "16": "131", "17": "130", "18": "1383", "19": "1384", "20": "1383",
}  # fmt: skip
REFUSAL_CODE = {
    "061": "1211", "062": "1212", "063": "1213", "064": "1214", "071": "1221", "072": "1222",
    "073": "1223", "074": "1224", "081": "1241", "082": "1242", "083": "123", "084": "1243",
    "0841": "1243", "0842": "1243", "085": "1244", "086": "1245", "0861": "1245", "0862": "1245",
    "0863": "1245", "087": "1246", "0871": "1246", "0872": "1246",
}  # fmt: skip
REFUSAL_ROOT = {"03": "120", "04": "125", "05": "120", "06": "121", "07": "122", "08": "124"}


def intent_code(code: str, negated: bool) -> str:
    """The CAMEO code of an announced act: intent (03), threat (13) or refusal (12)."""
    root = code[:2]
    if negated:
        return REFUSAL_CODE.get(code) or REFUSAL_ROOT.get(root) or code
    return INTENT_CODE.get(code) or INTENT_ROOT.get(root) or code
